import { mockServices } from '@backstage/backend-test-utils';
import type {
  CachedResource,
  ResourceChange,
} from '@kcs/plugin-kafka-connect-node';
import { RestartDialects } from './restartDialects';

const OPTIONS = 'includeTasks,onlyFailed';

const connector = (
  cluster: string,
  name: string,
  restart?: string,
): CachedResource => ({
  cluster,
  kind: 'KafkaConnector',
  resource: {
    metadata: {
      namespace: 'ns',
      name,
      generation: 1,
      ...(restart ? { annotations: { 'strimzi.io/restart': restart } } : {}),
    },
    status: { observedGeneration: 1, conditions: [] },
  },
});

function setup(listed: CachedResource[] = []) {
  const listeners = new Set<(change: ResourceChange) => void>();
  let now = 0;
  const cache = {
    list: () => listed,
    subscribe: (listener: (change: ResourceChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const logger = mockServices.logger.mock();
  const dialects = new RestartDialects(cache, { logger, now: () => now });
  const emit = (
    type: ResourceChange['type'],
    cached: CachedResource,
    seconds: number,
  ) => {
    now = seconds * 1000;
    listeners.forEach(listener =>
      listener({
        type,
        cluster: cached.cluster,
        kind: cached.kind,
        resource: cached.resource,
      }),
    );
  };
  return { dialects, emit, logger, listeners };
}

describe('RestartDialects', () => {
  it('knows nothing of a cluster until one of its connectors shows it', () => {
    const { dialects, emit } = setup();
    emit('upsert', connector('eu-1', 'a', OPTIONS), 0);
    expect(dialects.of('eu-1')).toBeUndefined();
  });

  it('learns options per cluster from a value the operator removed, and logs it once', () => {
    const { dialects, emit, logger } = setup();
    emit('upsert', connector('eu-1', 'a', OPTIONS), 0);
    emit('upsert', connector('us-1', 'a', OPTIONS), 0);
    emit('upsert', connector('eu-1', 'a'), 2);
    expect(dialects.of('eu-1')).toBe('options');
    expect(dialects.of('us-1')).toBeUndefined();
    emit('upsert', connector('eu-1', 'b', OPTIONS), 3);
    emit('upsert', connector('eu-1', 'b'), 4);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Cluster eu-1: Strimzi reads restart options (includeTasks, onlyFailed): the operator acted on strimzi.io/restart: includeTasks,onlyFailed on KafkaConnector ns/a and removed it',
    );
  });

  it('learns only true from a value left after a newer generation was reconciled', () => {
    const { dialects, emit } = setup();
    const stuck = connector('eu-1', 'a', OPTIONS);
    emit('upsert', stuck, 0);
    stuck.resource = {
      ...stuck.resource,
      metadata: { ...stuck.resource.metadata, generation: 2 },
      status: { observedGeneration: 2, conditions: [] },
    };
    emit('upsert', stuck, 10);
    expect(dialects.of('eu-1')).toBe('true-only');
  });

  it('reads a first list, which is not announced resource by resource', () => {
    const listed = [connector('eu-1', 'a', OPTIONS), connector('us-1', 'b')];
    const { dialects, emit, listeners } = setup(listed);
    listeners.forEach(listener =>
      listener({ type: 'synced', cluster: 'eu-1', kind: 'KafkaConnector' }),
    );
    emit('upsert', connector('eu-1', 'a'), 1);
    expect(dialects.of('eu-1')).toBe('options');
  });

  it('forgets a deleted connector: its removal is not a removal of the value', () => {
    const { dialects, emit } = setup();
    emit('upsert', connector('eu-1', 'a', OPTIONS), 0);
    emit('delete', connector('eu-1', 'a', OPTIONS), 1);
    emit('upsert', connector('eu-1', 'a'), 2);
    expect(dialects.of('eu-1')).toBeUndefined();
  });

  it('ignores other kinds, and stops listening when closed', () => {
    const { dialects, emit, listeners } = setup();
    emit(
      'upsert',
      { ...connector('eu-1', 'm', OPTIONS), kind: 'KafkaMirrorMaker2' },
      0,
    );
    emit('upsert', { ...connector('eu-1', 'm'), kind: 'KafkaMirrorMaker2' }, 1);
    expect(dialects.of('eu-1')).toBeUndefined();
    dialects.close();
    expect(listeners.size).toBe(0);
  });
});
