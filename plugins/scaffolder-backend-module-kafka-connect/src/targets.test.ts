import { ConfigReader } from '@backstage/config';
import { readKafkaConnectScaffolderConfig } from './config';
import { checkSelfServiceTarget } from './targets';

const request = {
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
};

describe('checkSelfServiceTarget', () => {
  it('leaves everything open when no targets are configured', () => {
    expect(checkSelfServiceTarget(undefined, request)).toEqual([]);
  });

  it('refuses a cluster the list does not name, naming the field and the choices', () => {
    expect(
      checkSelfServiceTarget(
        [{ cluster: 'us-1' }, { cluster: 'eu-2' }],
        request,
      ),
    ).toEqual([
      {
        field: 'cluster',
        message:
          "'eu-1' is not open to self-service (kafkaConnect.scaffolder.targets); pick one of us-1, eu-2",
      },
    ]);
  });

  it('opens a listed cluster without lists completely', () => {
    expect(checkSelfServiceTarget([{ cluster: 'eu-1' }], request)).toEqual([]);
  });

  it('refuses namespaces and Connect clusters outside the lists', () => {
    const errors = checkSelfServiceTarget(
      [
        {
          cluster: 'eu-1',
          namespaces: ['analytics'],
          connectClusters: ['analytics/analytics-connect'],
        },
      ],
      request,
    );
    expect(errors.map(error => error.field)).toEqual([
      'namespace',
      'connectCluster',
    ]);
    expect(errors[0].message).toContain('pick one of analytics');
    expect(errors[1].message).toContain("'orders/orders-connect'");
  });

  it('accepts a Connect cluster by name or by namespace/name', () => {
    for (const connectClusters of [
      ['orders-connect'],
      ['orders/orders-connect'],
    ]) {
      expect(
        checkSelfServiceTarget(
          [{ cluster: 'eu-1', namespaces: ['orders'], connectClusters }],
          request,
        ),
      ).toEqual([]);
    }
  });
});

describe('readKafkaConnectScaffolderConfig targets', () => {
  it('reads targets when given and leaves them out otherwise', () => {
    expect(
      readKafkaConnectScaffolderConfig(new ConfigReader({})).targets,
    ).toBeUndefined();
    expect(
      readKafkaConnectScaffolderConfig(
        new ConfigReader({
          kafkaConnect: {
            scaffolder: {
              targets: [{ cluster: 'eu-1', namespaces: ['orders'] }],
            },
          },
        }),
      ).targets,
    ).toEqual([
      { cluster: 'eu-1', namespaces: ['orders'], connectClusters: undefined },
    ]);
  });
});
