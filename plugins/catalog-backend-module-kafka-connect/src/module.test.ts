import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleKafkaConnect } from './module';

describe('catalogModuleKafkaConnect', () => {
  it('starts inside the catalog plugin', async () => {
    const logger = mockServices.logger.mock();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, {} as any]],
      features: [catalogModuleKafkaConnect, logger.factory],
    });
    expect(logger.info).toHaveBeenCalled();
  });
});
