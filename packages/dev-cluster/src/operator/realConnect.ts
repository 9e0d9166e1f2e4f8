import {
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import {
  condition,
  isTrue,
  KAFKA_CONNECT_DEFAULT_REPLICAS,
} from './conditions';
import { ConnectRestClient, ConnectRestError } from './connectRest';
import {
  connectServiceUrl,
  labelSelector,
  reconcileKafkaConnect,
  ReconcileResult,
  Resource,
} from './reconcile';

/**
 * Status of a KafkaConnect backed by a real worker: the plugins are
 * `GET /connector-plugins`, written only with `use-connector-resources` and
 * at least one replica, as Strimzi does; at 0 replicas there is no url.
 */
export async function reconcileRealKafkaConnect(
  connect: Resource,
  now: string,
  rest: ConnectRestClient,
): Promise<ReconcileResult> {
  const {
    name = '',
    namespace = '',
    generation = 0,
    annotations,
  } = connect.metadata ?? {};
  if (isTrue(annotations?.[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    return reconcileKafkaConnect(connect, now);
  }
  const replicas: number =
    connect.spec?.replicas ?? KAFKA_CONNECT_DEFAULT_REPLICAS;
  const common = {
    observedGeneration: generation,
    replicas,
    labelSelector: labelSelector(name, 'KafkaConnect', 'connect'),
  };
  if (replicas === 0) {
    return { status: { conditions: [condition(now, 'Ready')], ...common } };
  }
  const listsPlugins = isTrue(
    annotations?.[STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION],
  );
  try {
    const plugins = listsPlugins ? await rest.plugins() : undefined;
    return {
      status: {
        conditions: [condition(now, 'Ready')],
        ...common,
        url: connectServiceUrl(name, namespace),
        ...(plugins ? { connectorPlugins: plugins } : {}),
      },
    };
  } catch (error) {
    const message =
      error instanceof ConnectRestError ? error.message : String(error);
    return {
      status: {
        conditions: [
          condition(now, 'NotReady', 'ConnectRestException', message),
        ],
        ...common,
      },
      requeueAfterMs: 2000,
    };
  }
}

/**
 * Deletes connectors the worker runs that no KafkaConnector asks for any
 * more, as Strimzi does for connectors it manages.
 */
export async function deleteOrphanConnectors(
  rest: ConnectRestClient,
  wanted: Set<string>,
  log: (line: string) => void,
): Promise<void> {
  for (const name of await rest.connectors()) {
    if (!wanted.has(name)) {
      await rest.delete(name);
      log(
        `deleted connector ${name} from the worker: no KafkaConnector asks for it`,
      );
    }
  }
}
