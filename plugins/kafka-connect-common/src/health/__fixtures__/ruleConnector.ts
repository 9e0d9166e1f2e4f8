/** A KafkaConnector as Strimzi writes it, for the health rule tests. */
import type { KafkaConnectorResource } from '../../strimzi';

export const T0 = '2026-03-01T10:00:00.123456789Z';
export const at = (minutes: number) => Date.parse(T0) + minutes * 60_000;

export function connector(
  tasks: string[],
  options: {
    connectorState?: string;
    conditions?: KafkaConnectorResource['status'] extends infer S
      ? S extends { conditions?: infer C }
        ? C
        : never
      : never;
    spec?: KafkaConnectorResource['spec'];
    annotations?: Record<string, string>;
    autoRestart?: { count?: number; lastRestartTimestamp?: string };
    generation?: number;
    observedGeneration?: number | null;
  } = {},
): KafkaConnectorResource {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name: 'orders-cdc',
      namespace: 'orders',
      generation: options.generation ?? 2,
      labels: { 'strimzi.io/cluster': 'orders-connect' },
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: { class: 'x.Source', tasksMax: tasks.length, ...options.spec },
    status: {
      conditions: options.conditions ?? [
        { type: 'Ready', status: 'True', lastTransitionTime: T0 },
      ],
      ...(options.observedGeneration === null
        ? {}
        : { observedGeneration: options.observedGeneration ?? 2 }),
      ...(options.autoRestart ? { autoRestart: options.autoRestart } : {}),
      connectorStatus: {
        name: 'orders-cdc',
        connector: {
          state: options.connectorState ?? 'RUNNING',
          worker_id: 'w',
        },
        tasks: tasks.map((state, id) => ({
          id,
          state,
          worker_id: 'w',
          ...(state === 'FAILED'
            ? {
                trace:
                  'org.apache.kafka.connect.errors.ConnectException: task failed\n\tat a.B\nCaused by: java.sql.SQLException: password authentication failed\n\tat c.D',
              }
            : {}),
        })),
        type: 'source',
      },
      tasksMax: tasks.length,
      topics: [],
    },
  };
}

export const soon = { now: at(1) };
