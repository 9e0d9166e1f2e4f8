import { InputError } from '@backstage/errors';
import type { ConnectorAction } from '../api';
import {
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
} from '../names';
import type {
  ConnectRestConnectorStatus,
  KafkaConnectorResource,
} from '../strimzi';
import type { ConnectorChange } from './connectorActionChange';

type RestartAction = Extract<
  ConnectorAction,
  { action: 'restart' } | { action: 'restart-task' }
>;

/** Task ids of a Connect REST body, all or only the FAILED ones. */
function taskIds(
  body: ConnectRestConnectorStatus | undefined,
  onlyFailed: boolean,
): number[] {
  return (Array.isArray(body?.tasks) ? body!.tasks : [])
    .filter(task => typeof task?.id === 'number')
    .filter(task => !onlyFailed || task.state === 'FAILED')
    .map(task => task.id!);
}

/** Restart annotations as a change: one is a merge patch, more are written in turn. */
export function annotationsChange(
  annotations: Array<[string, string]>,
): ConnectorChange {
  if (annotations.length === 1) {
    const [[name, value]] = annotations;
    return {
      type: 'merge-patch',
      patch: { metadata: { annotations: { [name]: value } } },
    };
  }
  return { type: 'annotations-in-turn', annotations };
}

/**
 * The restart annotations for a connector (a KafkaConnector, or with
 * `mirrorConnector` one connector of a KafkaMirrorMaker2). With restart
 * options (Strimzi 0.48+) one annotation says it all; a Strimzi that reads
 * only `true` (it takes any other value for false and leaves it in place)
 * gets the connector restart, then each task to restart, one by one.
 */
export function restartAnnotations(
  action: RestartAction,
  options: {
    restartOptions: boolean;
    body?: ConnectRestConnectorStatus;
    mirrorConnector?: string;
  },
): Array<[string, string]> {
  const mm2 = options.mirrorConnector;
  const restartConnector: [string, string] = mm2
    ? [STRIMZI_RESTART_CONNECTOR_ANNOTATION, mm2]
    : [STRIMZI_RESTART_ANNOTATION, 'true'];
  const restartTask = (id: number): [string, string] =>
    mm2
      ? [STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION, `${mm2}:${id}`]
      : [STRIMZI_RESTART_TASK_ANNOTATION, String(id)];
  if (action.action === 'restart-task') {
    return [restartTask(action.taskId)];
  }
  const flags = [
    ...(action.includeTasks ? ['includeTasks'] : []),
    ...(action.onlyFailed ? ['onlyFailed'] : []),
  ];
  if (flags.length === 0) {
    return [restartConnector];
  }
  if (options.restartOptions) {
    const value = flags.join(',');
    return [
      mm2
        ? [STRIMZI_RESTART_CONNECTOR_ANNOTATION, `${mm2}:${value}`]
        : [STRIMZI_RESTART_ANNOTATION, value],
    ];
  }
  const onlyFailed = Boolean(action.onlyFailed);
  const tasks = taskIds(options.body, onlyFailed).map(restartTask);
  if (!onlyFailed) {
    return [restartConnector, ...tasks];
  }
  const connectorFailed = options.body?.connector?.state === 'FAILED';
  if (!connectorFailed && tasks.length === 0) {
    throw new InputError(
      'Nothing has failed: no FAILED connector or task to restart (restart without onlyFailed instead)',
    );
  }
  return [...(connectorFailed ? [restartConnector] : []), ...tasks];
}

/** The change for a restart of a KafkaConnector. */
export function restartChange(
  action: RestartAction,
  options: { restartOptions: boolean; resource?: KafkaConnectorResource },
): ConnectorChange {
  return annotationsChange(
    restartAnnotations(action, {
      restartOptions: options.restartOptions,
      body: options.resource?.status?.connectorStatus,
    }),
  );
}
