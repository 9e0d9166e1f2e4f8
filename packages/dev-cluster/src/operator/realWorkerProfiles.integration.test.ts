import { useTestCluster } from '../harness';
import { connectorState, ready, setupRealWorker } from './realWorkerTesting';

// The stand-in behaving like Strimzi 0.45 on the real worker: v1beta2 only,
// with `spec.state` beside the deprecated `spec.pause`, connectors created
// with PUT, and `strimzi.io/restart` read with Java's Boolean.parseBoolean
// (anything but `true` restarts nothing and stays).
const getCluster = useTestCluster({
  kafka: true,
  strimziProfile: '0.45',
  timeoutMs: 180_000,
});
const setup = (prefix: string) => setupRealWorker(getCluster, prefix);

jest.setTimeout(120_000);

describe('operator stand-in as Strimzi 0.45 on a real worker', () => {
  it('serves v1beta2 only and restarts only on strimzi.io/restart: true', async () => {
    const { cluster, rest, wait, source, annotate, namespace } = await setup(
      'p045',
    );
    expect(cluster.strimziApi).toBe('v1beta2-only');
    const name = `p045-${namespace}`;
    await source(name);
    await wait(name, ready);
    expect((await rest.status(name)).connector.state).toBe('RUNNING');

    await annotate(name, { 'strimzi.io/restart': 'includeTasks' });
    // Several reconciles pass (each polls Connect every 2 s): the value stays,
    // without a restart and without a Warning.
    await new Promise(resolve => setTimeout(resolve, 5000));
    const kept = await wait(name, ready);
    expect(kept.metadata.annotations['strimzi.io/restart']).toBe(
      'includeTasks',
    );
    expect(kept.status.conditions.map((c: { type: string }) => c.type)).toEqual(
      ['Ready'],
    );

    await annotate(name, { 'strimzi.io/restart': 'true' });
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/restart'] === undefined,
    );
  });

  it('stops a paused connector through v1beta2 spec.state, which wins over spec.pause', async () => {
    const { rest, wait, source, setState, namespace } = await setup('p045s');
    const name = `p045s-${namespace}`;
    await source(name, { pause: true });
    await wait(name, connectorState('PAUSED'));
    expect((await rest.status(name)).connector.state).toBe('PAUSED');

    await setState(name, 'stopped');
    const stopped = await wait(name, connectorState('STOPPED'));
    expect((await rest.status(name)).connector.state).toBe('STOPPED');
    expect(
      stopped.status.conditions.map(
        (c: { type: string; reason?: string }) => c.reason ?? c.type,
      ),
    ).toEqual(['DeprecatedFields', 'UpdateState', 'Ready']);
  });
});
