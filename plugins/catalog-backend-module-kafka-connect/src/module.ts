import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Catalog module that will provide Kafka connectors as entities.
 * @public
 */
export const catalogModuleKafkaConnect = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ logger }) {
        logger.info('Kafka Connect entity provider is not configured yet');
      },
    });
  },
});
