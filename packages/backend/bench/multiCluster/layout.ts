import { connectorStatus } from './statusChanges';
import { storedConnector } from './etcdLoad';

/** Every entity owns this many connectors, one per cluster when there are 20. */
export const CONNECTORS_PER_ENTITY = 20;
export const NAMESPACES_PER_CLUSTER = 5;
export const OWNER_GROUPS = 50;
/** Entities whose connectors only the visibility probes change. */
export const PROBE_ENTITIES = 50;

export interface Placement {
  cluster: number;
  namespace: string;
  name: string;
  entity: number;
}

/** Where connector `i` lives and which Component owns it. */
export function placementOf(i: number, clusters: number): Placement {
  const entity = Math.floor(i / CONNECTORS_PER_ENTITY);
  return {
    cluster: i % clusters,
    namespace: `bench-${entity % NAMESPACES_PER_CLUSTER}`,
    name: `connector-${i}`,
    entity,
  };
}

export const entityName = (entity: number) => `component-${entity}`;
export const ownerOf = (entity: number) =>
  `group:default/team-${entity % OWNER_GROUPS}`;

/** Connectors `from` to `to - 1` of one cluster, in kube-apiserver's storage layout; one in 100 failed. */
export function storedConnectorsOf(
  cluster: number,
  clusters: number,
  from: number,
  to: number,
) {
  const objects = [];
  const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (let i = from; i < to; i++) {
    if (i % clusters !== cluster) {
      continue;
    }
    const place = placementOf(i, clusters);
    objects.push(
      storedConnector({
        namespace: place.namespace,
        name: place.name,
        labels: {
          'strimzi.io/cluster': 'connect',
          'backstage.io/kubernetes-id': entityName(place.entity),
        },
        annotations: { 'kafka-connect.dev/owner': ownerOf(place.entity) },
        status: connectorStatus(place.name, i % 100 !== 7, time),
      }),
    );
  }
  return objects;
}

/** One KafkaConnect named `connect` per namespace, ready, as stored by kube-apiserver. */
export function storedConnectClusters() {
  return Array.from({ length: NAMESPACES_PER_CLUSTER }, (_u, n) => ({
    key: `/registry/kafka.strimzi.io/kafkaconnects/bench-${n}/connect`,
    value: {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnect',
      metadata: {
        name: 'connect',
        namespace: `bench-${n}`,
        uid: `00000000-0000-4000-8000-00000000000${n}`,
        generation: 1,
        creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        annotations: { 'strimzi.io/use-connector-resources': 'true' },
      },
      spec: { replicas: 2, bootstrapServers: 'kafka:9092' },
      status: {
        observedGeneration: 1,
        replicas: 2,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
      },
    },
  }));
}

/** The catalog's entities: the guest user, the owner groups and every Component. */
export function catalogYaml(entities: number): string {
  const docs: string[] = [
    `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: guest\nspec:\n  memberOf: [team-0]\n`,
  ];
  for (let g = 0; g < OWNER_GROUPS; g++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${g}\nspec:\n  type: team\n  children: []\n`,
    );
  }
  for (let e = 0; e < entities; e++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${entityName(
        e,
      )}\n  annotations:\n    backstage.io/kubernetes-id: ${entityName(
        e,
      )}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${ownerOf(
        e,
      )}\n`,
    );
  }
  return docs.join('---\n');
}
