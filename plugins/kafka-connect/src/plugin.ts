import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The kafka-connect frontend plugin (new frontend system).
 * @public
 */
export const kafkaConnectPlugin = createFrontendPlugin({
  pluginId: 'kafka-connect',
  extensions: [],
});
