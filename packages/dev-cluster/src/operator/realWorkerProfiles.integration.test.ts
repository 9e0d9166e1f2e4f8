import { KubernetesObject } from '@kubernetes/client-node';
import { useTestCluster } from '../harness';
import { realMirrorMaker2Manifest } from './mirrorMaker2Testing';
import {
  connectorState,
  ready,
  setupRealWorker,
  Status,
} from './realWorkerTesting';

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

  it("runs a v1beta2 mirror's heartbeat connector, and pauses a mirror connector on its pause alone", async () => {
    const { cluster, namespace, apiVersion, rest, wait } = await setup('p045m');
    const manifest = realMirrorMaker2Manifest({
      apiVersion,
      namespace,
      name: 'mirror',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir: cluster.connectorFilesDir!,
      topicsPattern: `none-${namespace}`,
      checkpointOnly: true,
    });
    const [mirror] = manifest.resource.spec.mirrors as Record<string, any>[];
    mirror.checkpointConnector.pause = true;
    mirror.heartbeatConnector = {
      tasksMax: 1,
      config: { 'heartbeats.topic.replication.factor': -1 },
    };
    await cluster.apply(manifest.resource as KubernetesObject);
    const prefix = `${manifest.sourceAlias}->${manifest.targetAlias}`;
    const states = (resource: Status) =>
      (resource.status?.connectors ?? []).map((c: Status) => [
        c.name,
        c.connector.state,
      ]);
    await wait(
      'mirror',
      resource =>
        JSON.stringify(states(resource)) ===
        JSON.stringify([
          [`${prefix}.MirrorCheckpointConnector`, 'PAUSED'],
          [`${prefix}.MirrorHeartbeatConnector`, 'RUNNING'],
        ]),
      'kafkamirrormaker2s',
    );
    expect(
      (await rest.status(`${prefix}.MirrorHeartbeatConnector`)).connector.state,
    ).toBe('RUNNING');
    expect(
      (await rest.status(`${prefix}.MirrorCheckpointConnector`)).connector
        .state,
    ).toBe('PAUSED');
  });
});
