import { kafkaConnectClustersExtensionPoint } from './extensions';

describe('kafkaConnectClustersExtensionPoint', () => {
  it('has the id modules refer to', () => {
    expect(kafkaConnectClustersExtensionPoint.id).toBe(
      'kafka-connect.clusters',
    );
  });
});
