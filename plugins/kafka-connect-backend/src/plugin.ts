import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { strimziResourceCacheServiceRef } from '@kcs/plugin-kafka-connect-node';
import { createRouter } from './service/router';

/**
 * The kafka-connect backend plugin: connector health from Strimzi resources.
 * @public
 */
export const kafkaConnectPlugin = createBackendPlugin({
  pluginId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        cache: strimziResourceCacheServiceRef,
      },
      async init({ httpRouter, httpAuth, logger, catalog, cache }) {
        httpRouter.use(
          await createRouter({ logger, cache, catalog, httpAuth }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
