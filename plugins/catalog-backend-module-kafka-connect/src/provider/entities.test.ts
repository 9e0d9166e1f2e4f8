import { resourceEntityV1alpha1Validator } from '@backstage/catalog-model';

import {
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
  OWNER_ANNOTATION,
  OWNER_SOURCE_ANNOTATION,
  SYSTEM_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { strimziResourceToEntity } from './entities';

const connector = (
  metadata: Record<string, any> = {},
  spec: Record<string, any> = {},
) => ({
  metadata: {
    name: 'orders-cdc',
    namespace: 'orders',
    labels: { 'strimzi.io/cluster': 'connect-main' },
    ...metadata,
  },
  spec: { class: 'io.debezium.connector.mysql.MySqlConnector', ...spec },
});

const config = { appBaseUrl: 'http://localhost:3000/' };

describe('strimziResourceToEntity', () => {
  it('makes a connector a valid Resource with identity, owner, dependsOn and a link to its tab', async () => {
    const { entity, warnings } = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({
          annotations: { [OWNER_ANNOTATION]: 'team-orders' },
        }),
      },
      config,
    );
    expect(warnings).toEqual([]);
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'kctr.eu-1.orders.orders-cdc',
        title: 'orders-cdc (eu-1/orders)',
        annotations: {
          [KAFKA_CONNECTOR_ANNOTATION]: 'eu-1/orders/orders-cdc',
          [OWNER_SOURCE_ANNOTATION]: 'resource',
          'backstage.io/managed-by-location': 'url:kafka-connect:eu-1',
          'backstage.io/managed-by-origin-location': 'url:kafka-connect:eu-1',
        },
        links: [
          {
            url: 'http://localhost:3000/catalog/default/resource/kctr.eu-1.orders.orders-cdc/kafka-connect',
          },
        ],
      },
      spec: {
        type: 'kafka-connector',
        owner: 'group:default/team-orders',
        dependsOn: ['resource:default/kc.eu-1.orders.connect-main'],
      },
    });
    expect(entity.metadata.description).toContain(
      'io.debezium.connector.mysql.MySqlConnector',
    );
    expect(entity.metadata.description).toContain('connect-main');
    expect(entity.spec?.system).toBeUndefined();
    expect(entity.spec?.dependencyOf).toBeUndefined();
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it('makes KafkaConnect and KafkaMirrorMaker2 their own types with their identity annotation', () => {
    const connect = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnect',
        resource: {
          metadata: { name: 'connect-main', namespace: 'orders' },
          spec: { replicas: 3 },
        },
      },
      { defaultOwner: 'platform' },
    ).entity;
    expect(connect.metadata.name).toBe('kc.eu-1.orders.connect-main');
    expect(connect.spec).toMatchObject({
      type: 'kafka-connect-cluster',
      owner: 'group:default/platform',
    });
    expect(connect.spec?.dependsOn).toBeUndefined();
    expect(connect.metadata.annotations).toMatchObject({
      [KAFKA_CONNECT_CLUSTER_ANNOTATION]: 'eu-1/orders/connect-main',
      [OWNER_SOURCE_ANNOTATION]: 'default',
    });
    expect(connect.metadata.description).toContain('3 replica(s)');
    expect(connect.metadata.links).toBeUndefined();

    const mirror = strimziResourceToEntity(
      {
        cluster: 'us-1',
        kind: 'KafkaMirrorMaker2',
        resource: {
          metadata: {
            name: 'eu-mirror',
            namespace: 'replication',
            labels: { 'backstage.io/kubernetes-id': 'orders-service' },
          },
        },
      },
      {},
    ).entity;
    expect(mirror.metadata.name).toBe('kmm2.us-1.replication.eu-mirror');
    expect(mirror.spec).toMatchObject({
      type: 'kafka-mirrormaker2',
      dependencyOf: ['component:default/orders-service'],
    });
    expect(mirror.metadata.annotations?.[KAFKA_MIRRORMAKER2_ANNOTATION]).toBe(
      'us-1/replication/eu-mirror',
    );
  });

  it('makes no dependencyOf when the kubernetes-id only names the connector itself', () => {
    const { entity, warnings } = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({
          labels: {
            'strimzi.io/cluster': 'connect-main',
            'backstage.io/kubernetes-id': 'orders-cdc',
          },
        }),
      },
      {},
    );
    expect(entity.spec?.dependencyOf).toBeUndefined();
    expect(entity.spec?.dependsOn).toEqual([
      'resource:default/kc.eu-1.orders.connect-main',
    ]);
    expect(warnings.join()).not.toContain('kubernetes-id');
  });

  it('resolves the owner in order: resource, namespace, namespace map, default', () => {
    const ownerOf = (
      annotations: Record<string, string> | undefined,
      namespaceAnnotations: Record<string, string> | undefined,
      extra: Record<string, any> = {},
    ) => {
      const { entity } = strimziResourceToEntity(
        {
          cluster: 'eu-1',
          kind: 'KafkaConnector',
          resource: connector({ annotations }),
          namespaceAnnotations,
        },
        {
          namespaceOwners: { orders: 'team-config' },
          defaultOwner: 'team-default',
          ...extra,
        },
      );
      return [
        entity.spec?.owner,
        entity.metadata.annotations?.[OWNER_SOURCE_ANNOTATION],
      ];
    };
    const mine = { [OWNER_ANNOTATION]: 'user:guest' };
    const ns = { [OWNER_ANNOTATION]: 'team-ns' };
    expect(ownerOf(mine, ns)).toEqual(['user:default/guest', 'resource']);
    expect(ownerOf(undefined, ns)).toEqual([
      'group:default/team-ns',
      'namespace',
    ]);
    expect(ownerOf(undefined, undefined)).toEqual([
      'group:default/team-config',
      'config',
    ]);
    expect(ownerOf(undefined, undefined, { namespaceOwners: {} })).toEqual([
      'group:default/team-default',
      'default',
    ]);
    expect(
      ownerOf(undefined, undefined, {
        namespaceOwners: {},
        defaultOwner: undefined,
      }),
    ).toEqual(['unknown', 'none']);
  });

  it('still emits the entity for a bad owner ref, with a warning naming the resource', () => {
    const { entity, warnings } = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({
          annotations: { [OWNER_ANNOTATION]: 'not a ref!' },
        }),
      },
      {},
    );
    expect(entity.spec?.owner).toBe('unknown');
    expect(entity.metadata.annotations?.[OWNER_SOURCE_ANNOTATION]).toBe('none');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('KafkaConnector eu-1/orders/orders-cdc');
    expect(warnings[0]).toContain(OWNER_ANNOTATION);
    expect(warnings[1]).toMatch(
      /has no owner: annotate it or namespace orders/,
    );
  });

  it('takes spec.system from the resource annotation, then the namespace map, and warns on a bad one', () => {
    const withAnnotation = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({ annotations: { [SYSTEM_ANNOTATION]: 'orders' } }),
      },
      { namespaceSystems: { orders: 'billing' } },
    );
    expect(withAnnotation.entity.spec?.system).toBe('system:default/orders');
    const fromConfig = strimziResourceToEntity(
      { cluster: 'eu-1', kind: 'KafkaConnector', resource: connector() },
      { namespaceSystems: { orders: 'billing' } },
    );
    expect(fromConfig.entity.spec?.system).toBe('system:default/billing');
    const bad = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({
          annotations: { [SYSTEM_ANNOTATION]: 'group:orders' },
        }),
      },
      {},
    );
    expect(bad.entity.spec?.system).toBeUndefined();
    expect(bad.warnings.join()).toContain('expected system');
  });

  it('shortens names that cannot be entity names, with a warning, and keeps them apart', () => {
    const long = 'x'.repeat(80);
    const first = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({ name: `${long}-a` }),
      },
      {},
    );
    const second = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({ name: `${long}-b` }),
      },
      {},
    );
    expect(first.entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(first.entity.metadata.name).toMatch(/_/);
    expect(first.entity.metadata.name).not.toBe(second.entity.metadata.name);
    expect(first.warnings[0]).toContain(`eu-1/orders/${long}-a`);
    expect(first.warnings[0]).toContain('shortened');
    // The identity annotation keeps the real name for the backend to match.
    expect(
      first.entity.metadata.annotations?.[KAFKA_CONNECTOR_ANNOTATION],
    ).toBe(`eu-1/orders/${long}-a`);
  });

  it('warns about a connector without a Connect cluster label or with a bad kubernetes-id', () => {
    const { entity, warnings } = strimziResourceToEntity(
      {
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connector({
          labels: { 'backstage.io/kubernetes-id': 'Not_Valid!' },
          annotations: { [OWNER_ANNOTATION]: 'team-a' },
        }),
      },
      {},
    );
    expect(entity.spec?.dependsOn).toBeUndefined();
    expect(entity.spec?.dependencyOf).toBeUndefined();
    expect(entity.metadata.description).toContain(
      'strimzi.io/cluster label missing',
    );
    expect(warnings.join()).toContain('not a valid component name');
  });
});
