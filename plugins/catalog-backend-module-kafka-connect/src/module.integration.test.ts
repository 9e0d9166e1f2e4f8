import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { useTestCluster } from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import request from 'supertest';
import { catalogModuleKafkaConnect } from './module';

// PostgreSQL comes from the test command (scripts/lib/postgres.sh exports the
// variable Backstage's TestDatabases reads for its major version).
const postgresId = Object.keys(process.env)
  .map(
    key =>
      /^BACKSTAGE_TEST_DATABASE_(POSTGRES\d+)_CONNECTION_STRING$/.exec(
        key,
      )?.[1],
  )
  .find(Boolean)
  ?.replace('POSTGRES', 'POSTGRES_') as TestDatabaseId | undefined;

const databases = TestDatabases.create({
  ids: postgresId ? ['SQLITE_3', postgresId] : ['SQLITE_3'],
});

const OWNER = 'kafka-connect.dev/owner';

async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} did not happen within ${timeoutMs} ms ${last ?? ''}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('the catalog module with the real catalog backend and a real API server', () => {
  const getCluster = useTestCluster();

  it('has PostgreSQL to test against', () => {
    // The test command always provides it; without it half of this file would not run.
    expect(postgresId).toMatch(/^POSTGRES_\d+$/);
  });

  it.each(databases.eachSupportedId())(
    'follows create, relabel, re-own and delete, and two instances do not flap (%s)',
    async databaseId => {
      const cluster = getCluster();
      const namespace = await cluster.newNamespace('catalog');
      await cluster.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace, annotations: { [OWNER]: 'team-ns' } },
      } as any);
      const connector = (
        name: string,
        annotations: Record<string, string>,
        labels: Record<string, string> = {},
      ) => ({
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: {
          name,
          namespace,
          annotations,
          labels: { 'strimzi.io/cluster': 'connect', ...labels },
        },
        spec: {
          class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
          tasksMax: 1,
          config: { topics: 't' },
        },
      });
      await cluster.apply([
        {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'KafkaConnect',
          metadata: { name: 'connect', namespace },
          spec: {
            replicas: 1,
            bootstrapServers: 'kafka:9092',
            groupId: 'connect',
            configStorageTopic: 'connect-configs',
            statusStorageTopic: 'connect-status',
            offsetStorageTopic: 'connect-offsets',
          },
        } as any,
        connector(
          'a',
          { [OWNER]: 'team-a' },
          { 'backstage.io/kubernetes-id': 'svc-a' },
        ),
      ]);

      const knex = await databases.init(databaseId);
      const config = {
        app: { baseUrl: 'http://127.0.0.1:3999' },
        backend: { baseUrl: 'http://127.0.0.1:7999' },
        catalog: { rules: [{ allow: ['Resource'] }], locations: [] },
        kafkaConnect: {
          clusters: [
            {
              name: cluster.name,
              url: cluster.server,
              serviceAccountToken: cluster.portalToken,
              caData: cluster.caData,
            },
          ],
          catalog: {
            defaultOwner: 'platform',
            schedule: { frequency: { seconds: 2 }, timeout: { seconds: 30 } },
          },
        },
      };
      const startInstance = () =>
        startTestBackend({
          features: [
            mockServices.rootConfig.factory({ data: config }),
            mockServices.database.factory({ knex }),
            schedulerServiceFactory,
            catalogPlugin,
            catalogModuleKafkaConnect,
          ],
        });

      const first = await startInstance();
      let second: Awaited<ReturnType<typeof startInstance>> | undefined;
      const mine = async (): Promise<Entity[]> => {
        const response = await request(first.server)
          .get('/api/catalog/entities?filter=kind=resource')
          .set('Authorization', mockCredentials.user.header());
        expect(response.status).toBe(200);
        return (response.body as Entity[]).filter(e =>
          e.metadata.name.includes(`.${namespace}.`),
        );
      };
      const byName = async (name: string) =>
        (await mine()).find(e => e.metadata.name === name);
      const targets = (entity: Entity, type: string) =>
        (entity.relations ?? [])
          .filter(r => r.type === type)
          .map(r => r.targetRef)
          .sort();
      const prefix = `${cluster.name}.${namespace}`;

      try {
        const a = await eventually(
          () => byName(`kctr.${prefix}.a`),
          'connector a in the catalog',
          30_000,
        );
        expect(a.spec).toMatchObject({
          type: 'kafka-connector',
          owner: 'group:default/team-a',
        });
        expect(a.metadata.annotations?.['kafka-connect.dev/connector']).toBe(
          `${cluster.name}/${namespace}/a`,
        );
        expect(targets(a, 'dependsOn')).toEqual([
          `resource:default/kc.${prefix}.connect`,
        ]);
        expect(targets(a, 'dependencyOf')).toEqual(['component:default/svc-a']);
        expect(targets(a, 'ownedBy')).toEqual(['group:default/team-a']);
        const connect = await eventually(
          () => byName(`kc.${prefix}.connect`),
          'the Connect cluster in the catalog',
        );
        expect(connect.spec?.owner).toBe('group:default/team-ns');

        // Create: within 10 s, owner from the namespace annotation.
        await cluster.apply(connector('b', {}));
        const b = await eventually(
          () => byName(`kctr.${prefix}.b`),
          'new connector b in the catalog',
        );
        expect(b.spec?.owner).toBe('group:default/team-ns');
        expect(b.metadata.annotations?.['kafka-connect.dev/owner-source']).toBe(
          'namespace',
        );

        // Relabel and re-own.
        await cluster.apply(
          connector(
            'a',
            { [OWNER]: 'user:guest' },
            { 'backstage.io/kubernetes-id': 'svc-b' },
          ),
        );
        await eventually(async () => {
          const entity = await byName(`kctr.${prefix}.a`);
          return (
            entity?.spec?.owner === 'user:default/guest' &&
            targets(entity, 'dependencyOf').join() ===
              'component:default/svc-b' &&
            targets(entity, 'ownedBy').join() === 'user:default/guest'
          );
        }, 'connector a re-owned and relabelled');

        // Delete: gone within 10 s.
        await cluster
          .kubeConfig()
          .makeApiClient(CustomObjectsApi)
          .deleteNamespacedCustomObject({
            group: 'kafka.strimzi.io',
            version: 'v1',
            namespace,
            plural: 'kafkaconnectors',
            name: 'b',
          });
        await eventually(
          async () => !(await byName(`kctr.${prefix}.b`)),
          'deleted connector b gone from the catalog',
        );

        // Re-own the Namespace: its entities without an owner annotation follow
        // (the cache's Namespace watch, the same owners the REST API serves).
        await cluster.apply({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: namespace,
            annotations: { [OWNER]: 'team-ns-next' },
          },
        } as any);
        await eventually(
          async () =>
            (await byName(`kc.${prefix}.connect`))?.spec?.owner ===
            'group:default/team-ns-next',
          'the Connect cluster re-owned through its Namespace',
        );
        expect((await byName(`kctr.${prefix}.a`))?.spec?.owner).toBe(
          'user:default/guest',
        );

        // A second replica on the same database: both apply deltas and take
        // turns on the full refresh; nothing duplicates or flaps.
        second = await startInstance();
        await cluster.apply(connector('c', { [OWNER]: 'team-c' }));
        await eventually(
          () => byName(`kctr.${prefix}.c`),
          'connector c in the catalog with two instances',
        );
        const uids = new Map(
          (await mine()).map(e => [e.metadata.name, e.metadata.uid]),
        );
        expect([...uids.keys()].sort()).toEqual(
          [
            `kc.${prefix}.connect`,
            `kctr.${prefix}.a`,
            `kctr.${prefix}.c`,
          ].sort(),
        );
        // Several full refreshes (every 2 s) pass; every sample is the same set
        // of entities with the same uids (a delete and re-add would change them).
        for (let sample = 0; sample < 12; sample++) {
          await new Promise(resolve => setTimeout(resolve, 500));
          const now = await mine();
          expect(now).toHaveLength(3);
          expect(
            new Map(now.map(e => [e.metadata.name, e.metadata.uid])),
          ).toEqual(uids);
        }
      } finally {
        await second?.stop();
        await first.stop();
      }
    },
    120_000,
  );
});
