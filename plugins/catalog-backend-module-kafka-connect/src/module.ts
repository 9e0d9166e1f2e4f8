import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { strimziResourceCacheServiceRef } from '@kcs/plugin-kafka-connect-node';
import { createScheduledEntityProvider } from './provider/scheduledProvider';

/**
 * Catalog module: every KafkaConnector, KafkaConnect and KafkaMirrorMaker2 of
 * the configured clusters as a `Resource` entity with an owner.
 * @public
 */
export const catalogModuleKafkaConnect = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        cache: strimziResourceCacheServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, ...deps }) {
        catalog.addEntityProvider(createScheduledEntityProvider(deps));
        deps.logger.info('Kafka Connect entity provider registered');
      },
    });
  },
});
