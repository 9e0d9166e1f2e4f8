import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Scaffolder actions for Kafka connectors.
 * @public
 */
export const scaffolderModuleKafkaConnect = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions();
      },
    });
  },
});
