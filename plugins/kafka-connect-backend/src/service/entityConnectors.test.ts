import { resolveOwner } from '@kcs/plugin-kafka-connect-common';
import type { Entity } from '@backstage/catalog-model';
import type {
  CachedResource,
  StrimziKind,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import {
  connectClustersOf,
  connectorsOfEntity,
  parseEqualitySelector,
} from './entityConnectors';

function resource(
  kind: StrimziKind,
  name: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): CachedResource {
  return {
    cluster: 'eu-1',
    kind,
    resource: { metadata: { namespace: 'ns', name, labels, annotations } },
  };
}

const all: CachedResource[] = [
  resource('KafkaConnect', 'connect'),
  resource('KafkaConnector', 'by-id', {
    'backstage.io/kubernetes-id': 'orders',
    'strimzi.io/cluster': 'connect',
  }),
  resource('KafkaConnector', 'by-selector', {
    app: 'orders',
    tier: 'cdc',
    'strimzi.io/cluster': 'connect',
  }),
  resource(
    'KafkaConnector',
    'owned',
    { 'strimzi.io/cluster': 'connect' },
    { 'kafka-connect.dev/owner': 'group:default/team-a' },
  ),
  resource(
    'KafkaConnector',
    'in-system',
    {},
    { 'kafka-connect.dev/system': 'system:default/shop' },
  ),
  resource(
    'KafkaMirrorMaker2',
    'mirror',
    {},
    { 'kafka-connect.dev/owner': 'group:default/team-b' },
  ),
];

const reader: StrimziResourceReader = {
  clusters: () => [],
  ownerOf: item =>
    resolveOwner({ resourceAnnotations: item.resource.metadata.annotations }),
  namespaceAnnotations: () => undefined,
  systemOf: item =>
    item.resource.metadata.annotations['kafka-connect.dev/system'],
  bySystem: system =>
    all.filter(
      item =>
        item.kind !== 'KafkaConnect' &&
        item.resource.metadata.annotations['kafka-connect.dev/system'] ===
          system,
    ),
  list: kind => all.filter(item => item.kind === kind),
  get: (kind, _cluster, namespace, name) =>
    all.find(
      item =>
        item.kind === kind &&
        item.resource.metadata.namespace === namespace &&
        item.resource.metadata.name === name,
    ),
  byKubernetesId: id =>
    all.filter(
      item =>
        item.kind !== 'KafkaConnect' &&
        item.resource.metadata.labels['backstage.io/kubernetes-id'] === id,
    ),
  byOwner: owner =>
    all.filter(
      item =>
        item.resource.metadata.annotations['kafka-connect.dev/owner'] === owner,
    ),
  byConnectCluster: (_cluster, _namespace, connect) =>
    all.filter(
      item =>
        item.kind === 'KafkaConnector' &&
        item.resource.metadata.labels['strimzi.io/cluster'] === connect,
    ),
  subscribe: () => () => {},
  addClusters: () => {},
};

const names = (items: CachedResource[]) =>
  items.map(item => item.resource.metadata.name).sort();

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
  relations: Entity['relations'] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    relations,
  };
}

describe('connectorsOfEntity', () => {
  it('matches a component by its kubernetes-id annotation, not by its name (no card would show them)', () => {
    expect(
      names(
        connectorsOfEntity(
          entity('Component', 'x', { 'backstage.io/kubernetes-id': 'orders' }),
          reader,
        ),
      ),
    ).toEqual(['by-id']);
    expect(
      names(connectorsOfEntity(entity('Component', 'orders'), reader)),
    ).toEqual([]);
  });

  it('matches by a label-selector annotation', () => {
    expect(
      names(
        connectorsOfEntity(
          entity('Component', 'none', {
            'backstage.io/kubernetes-label-selector': 'app=orders,tier=cdc',
          }),
          reader,
        ),
      ),
    ).toEqual(['by-selector']);
  });

  it("matches a connector's own entity by its annotation", () => {
    expect(
      names(
        connectorsOfEntity(
          entity('Resource', 'r', {
            'kafka-connect.dev/connector': 'eu-1/ns/owned',
          }),
          reader,
        ),
      ),
    ).toEqual(['owned']);
    expect(
      names(
        connectorsOfEntity(
          entity('Resource', 'r', {
            'kafka-connect.dev/mirrormaker2': 'eu-1/ns/mirror',
          }),
          reader,
        ),
      ),
    ).toEqual(['mirror']);
  });

  it('matches the connectors of a Connect cluster entity', () => {
    expect(
      names(
        connectorsOfEntity(
          entity('Resource', 'c', {
            'kafka-connect.dev/connect-cluster': 'eu-1/ns/connect',
          }),
          reader,
        ),
      ),
    ).toEqual(['by-id', 'by-selector', 'owned']);
  });

  // The relations the catalog module's connector entities create.
  const ownsOne = {
    type: 'ownerOf',
    targetRef: 'resource:default/kctr.eu-1.ns.owned',
  };
  const hasOne = {
    type: 'hasPart',
    targetRef: 'resource:default/kctr.eu-1.ns.x',
  };

  it('matches by ownership for groups, and for users through their groups', () => {
    expect(
      names(
        connectorsOfEntity(entity('Group', 'team-a', {}, [ownsOne]), reader),
      ),
    ).toEqual(['owned']);
    expect(
      names(
        connectorsOfEntity(
          entity('User', 'bob', {}, [
            ownsOne,
            { type: 'memberOf', targetRef: 'group:default/team-b' },
          ]),
          reader,
        ),
      ),
    ).toEqual(['mirror']);
  });

  it('matches by system for systems', () => {
    expect(
      names(connectorsOfEntity(entity('System', 'shop', {}, [hasOne]), reader)),
    ).toEqual(['in-system']);
  });

  it('answers nothing for an entity the card does not show on (the shared rule)', () => {
    expect(connectorsOfEntity(entity('Group', 'team-a'), reader)).toEqual([]);
    expect(connectorsOfEntity(entity('System', 'shop'), reader)).toEqual([]);
    expect(connectorsOfEntity(entity('Component', 'orders'), reader)).toEqual(
      [],
    );
  });

  it('matches through catalog relations: a System by its parts, anyone by dependsOn', () => {
    expect(
      names(
        connectorsOfEntity(
          entity('System', 'other', {}, [
            hasOne,
            { type: 'hasPart', targetRef: 'component:default/orders' },
          ]),
          reader,
        ),
      ),
    ).toEqual(['by-id']);
    expect(
      names(
        connectorsOfEntity(
          entity('Component', 'consumer', {}, [
            {
              type: 'dependsOn',
              targetRef: 'resource:default/kctr.eu-1.ns.owned',
            },
          ]),
          reader,
        ),
      ),
    ).toEqual(['owned']);
  });

  it('ignores malformed annotations', () => {
    expect(
      connectorsOfEntity(
        entity('Resource', 'r', {
          'kafka-connect.dev/connector': 'not-a-ref',
          'backstage.io/kubernetes-label-selector': 'app in (a)',
        }),
        reader,
      ),
    ).toEqual([]);
  });

  it('lists the Connect clusters the connectors run on', () => {
    expect(
      names(
        connectClustersOf(
          connectorsOfEntity(entity('Group', 'team-a', {}, [ownsOne]), reader),
          reader,
        ),
      ),
    ).toEqual(['connect']);
  });
});

describe('parseEqualitySelector', () => {
  it('parses equality selectors and refuses others', () => {
    expect(parseEqualitySelector('a=b, c==d')).toEqual({ a: 'b', c: 'd' });
    expect(parseEqualitySelector('a!=b')).toBeUndefined();
    expect(parseEqualitySelector('')).toBeUndefined();
  });
});
