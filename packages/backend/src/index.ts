/*
 * The portal's backend: Backstage core plugins plus the Kafka Connect suite.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createResponseRecorder } from './responseRecorder';

const backend = createBackend();

// Test runs record every API response for the final secrets scan.
const recordResponsesTo = process.env.KC_RECORD_API_RESPONSES;
if (recordResponsesTo) {
  backend.add(
    rootHttpRouterServiceFactory({
      configure: ({ app, applyDefaults }) => {
        app.use(createResponseRecorder(recordResponsesTo));
        applyDefaults();
      },
    }),
  );
}

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider is for local use (see app-config.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/policyModule'));

// Backstage's own Kubernetes plugin, kept for comparison with this suite.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// The Kafka Connect suite.
backend.add(import('@kcs/plugin-kafka-connect-backend'));
backend.add(import('@kcs/plugin-catalog-backend-module-kafka-connect'));
backend.add(import('@kcs/plugin-scaffolder-backend-module-kafka-connect'));

backend.start();
