import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type ConfigValidationError,
  type ConnectorBlueprint,
  type ConnectorValidationResponse,
  connectConfigOf,
  formatConnectorTargetRef,
  kafkaConnectCreatePermission,
  mapConnectValidation,
  maskConnectMessage,
  toInputError,
  VALIDATION_NOT_CONFIGURED,
} from '@kcs/plugin-kafka-connect-common';
import type { KubeConfig } from '@kubernetes/client-node';
import express from 'express';
import Router from 'express-promise-router';
import { checkValidationBody, targetOfBody } from './checkValidationBody';
import {
  type ConnectRestSender,
  sendConnectRest,
  validateWithConnect,
} from './connectRest';
import {
  findConnectRestTarget,
  type ValidationConfig,
} from '@kcs/plugin-kafka-connect-node';

/** Dependencies of the validation route. */
export interface ValidateRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  blueprints: { get(id: string): ConnectorBlueprint | undefined };
  /** `kafkaConnect.validation`; undefined when validation is off. */
  validation?: ValidationConfig;
  kubeConfigOf: (cluster: string) => KubeConfig | undefined;
  /** The HTTP sender; tests pass their own. */
  send?: ConnectRestSender;
}

function notConfigured(where: {
  cluster: string;
  namespace: string;
  connectCluster: string;
}) {
  return new InputError(
    `${VALIDATION_NOT_CONFIGURED} for Connect cluster ${where.namespace}/${where.connectCluster} of cluster '${where.cluster}': add it to kafkaConnect.validation.targets (see the kafka-connect-backend README)`,
  );
}

/**
 * `POST /validate`: checks a connector with its Connect cluster's
 * `config/validate` before anything is written, and answers the errors on
 * the request's fields. Asks `kafka.connect.create` for the target, as
 * creating does: Connect runs the connector's own checks (Debezium connects
 * to the database with the referenced secrets), which only those who may
 * create it there should trigger.
 */
export function createValidateRouter(
  options: ValidateRouterOptions,
): express.Router {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.post('/validate', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    // Where validation is off, forms learn it before their input is judged.
    const requested = targetOfBody(req.body);
    if (requested && !findConnectRestTarget(options.validation, requested)) {
      throw notConfigured(requested);
    }
    const checked = checkValidationBody(req.body, id =>
      options.blueprints.get(id),
    );
    if ('errors' in checked) {
      throw toInputError(checked.errors);
    }
    const { cluster, namespace, connectCluster, owner, connector } = checked;
    const [decision] = await options.permissions.authorize(
      [
        {
          permission: kafkaConnectCreatePermission,
          resourceRef: formatConnectorTargetRef({ cluster, namespace, owner }),
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not validate a connector owned by '${owner}' in namespace '${namespace}' of cluster '${cluster}': validating asks the same permission as creating it there (kafka.connect.create)`,
      );
    }
    const where = { cluster, namespace, connectCluster };
    const target = findConnectRestTarget(options.validation, where);
    if (!target) throw notConfigured(where);
    const config = connectConfigOf(connector);
    const outcome = await validateWithConnect({
      target,
      where,
      connectorClass: config['connector.class'],
      config,
      send: options.send ?? sendConnectRest,
      kubeConfig: options.kubeConfigOf(cluster),
    });
    let result: Pick<
      ConnectorValidationResponse,
      'valid' | 'errorCount' | 'errors'
    >;
    if (outcome.kind === 'answer') {
      result = mapConnectValidation(outcome.answer, {
        blueprint: checked.blueprint,
        sentConfig: config,
        configOverrides: checked.configOverrides,
      });
    } else {
      const error: ConfigValidationError = outcome.missingPlugin
        ? {
            field: 'connectCluster',
            fields: ['connectCluster'],
            configKey: 'connector.class',
            message: `Kafka Connect ${namespace}/${connectCluster} has no plugin ${config['connector.class']}; pick a Connect cluster that has it`,
          }
        : {
            field: 'config',
            fields: ['config'],
            configKey: '',
            message: maskConnectMessage(outcome.message, {
              secret: true,
              sentConfig: config,
            }),
          };
      result = { valid: false, errorCount: 1, errors: [error] };
    }
    const body: ConnectorValidationResponse = {
      ...result,
      connector: {
        cluster,
        namespace,
        connectCluster,
        name: config.name,
        class: config['connector.class'],
      },
    };
    res.json(body);
  });
  return router;
}
