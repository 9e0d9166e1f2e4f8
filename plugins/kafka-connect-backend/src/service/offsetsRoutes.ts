import type {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  detectGitOps,
  formatResourceRef,
  mirrorMaker2ConnectorsInSpec,
  offsetsSpecPlace,
  offsetsSupport,
} from '@kcs/plugin-kafka-connect-common';
import type { StrimziResourceReader } from '@kcs/plugin-kafka-connect-node';
import type express from 'express';
import { authorizeOperation } from './authorizeOperation';
import {
  offsetsSubjectOf,
  type OffsetsService,
  type OffsetsTarget,
} from './offsetsService';

const GITOPS_TOOLS = { argocd: 'Argo CD', flux: 'Flux' } as const;

/** Why a spec field the portal adds shows as drift in the GitOps tool that applies the resource. */
function gitOpsWarnings(
  target: OffsetsTarget,
  field: 'listOffsets' | 'alterOffsets',
): string[] {
  const gitOps = detectGitOps(target.resource);
  const place = offsetsSpecPlace(offsetsSubjectOf(target));
  const named =
    field === 'listOffsets'
      ? place.spec.listOffsets?.toConfigMap?.name
      : place.spec.alterOffsets?.fromConfigMap?.name;
  if (!gitOps || named) {
    return [];
  }
  const tool = `${GITOPS_TOOLS[gitOps.tool]}${
    gitOps.name ? ` (${gitOps.name})` : ''
  }`;
  return [
    `${tool} applies this ${
      target.kind === 'KafkaMirrorMaker2' ? 'MirrorMaker 2' : 'connector'
    }: the portal added ${
      place.field
    }.${field}, which ${tool} shows as drift and may remove on its next sync. Add it in Git to keep it.`,
  ];
}

/** `?connector=`: which connector of a KafkaMirrorMaker2; none for a KafkaConnector. */
function mirrorConnectorOf(
  req: express.Request,
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2',
  resource: Record<string, any>,
): string | undefined {
  const connector = req.query.connector;
  if (connector !== undefined && typeof connector !== 'string') {
    throw new InputError("Query parameter 'connector' must be given once");
  }
  if (kind === 'KafkaConnector') {
    if (connector !== undefined) {
      throw new InputError(
        "Query parameter 'connector' names a connector of a KafkaMirrorMaker2; a KafkaConnector is its own connector",
      );
    }
    return undefined;
  }
  if (!connector) {
    const known = mirrorMaker2ConnectorsInSpec(resource).map(
      entry => entry.name,
    );
    throw new InputError(
      `Query parameter 'connector' is required for a KafkaMirrorMaker2: name one of its connectors (${
        known.join(', ') || 'its spec.mirrors configures none'
      })`,
    );
  }
  return connector;
}

/**
 * `GET /connectors/:cluster/:namespace/:name/offsets` and `POST .../offsets/reset`
 * and `.../offsets/alter`: offsets through Strimzi, for the connector's owners
 * and admins (`kafka.connect.operate`), each request audited.
 */
export function addOffsetsRoutes(
  router: express.Router,
  options: {
    cache: StrimziResourceReader;
    permissions: PermissionsService;
    auditor: AuditorService;
    offsets: OffsetsService;
    strimziVersions?: Record<string, string>;
    operationsRefusal?: string;
  },
) {
  const { cache, permissions, auditor, offsets } = options;

  const targetOf = async (
    req: express.Request,
    res: express.Response,
  ): Promise<OffsetsTarget> => {
    const { cluster, namespace, name } = req.params;
    const ref = { cluster, namespace, name };
    const { found, kind } = await authorizeOperation({
      ref,
      cache,
      permissions,
      credentials: res.locals.credentials,
      operationsRefusal: options.operationsRefusal,
    });
    const connector = mirrorConnectorOf(req, kind, found.resource);
    const strimziVersion = options.strimziVersions?.[cluster];
    const support = offsetsSupport({ strimziVersion });
    if (!support.supported) {
      throw new InputError(support.reason);
    }
    const apiVersion = String(found.resource.apiVersion ?? '');
    const target: OffsetsTarget = {
      ...ref,
      kind,
      ...(connector !== undefined ? { connector } : {}),
      version: apiVersion.split('/')[1] ?? 'v1',
      ...(strimziVersion ? { strimziVersion } : {}),
      resource: found.resource,
    };
    // A MirrorMaker 2 connector its spec does not configure: 400 up front.
    offsetsSpecPlace(offsetsSubjectOf(target));
    return target;
  };

  const audited = (
    operation: 'list' | 'reset' | 'alter',
    handle: (
      req: express.Request,
      res: express.Response,
    ) => Promise<Record<string, unknown>>,
  ) => {
    return async (req: express.Request, res: express.Response) => {
      const { cluster, namespace, name } = req.params;
      const auditEvent = await auditor.createEvent({
        eventId: 'connector-offsets',
        // Reset and alter make a connector replay or skip data.
        severityLevel: operation === 'list' ? 'low' : 'high',
        request: req,
        meta: {
          connector: formatResourceRef({ cluster, namespace, name }),
          ...(typeof req.query.connector === 'string'
            ? { mirrorConnector: req.query.connector }
            : {}),
          operation,
        },
      });
      try {
        const body = await handle(req, res);
        await auditEvent.success({
          meta: {
            ...(body.outcome
              ? { outcome: (body.outcome as { state: string }).state }
              : {}),
            ...(operation === 'alter'
              ? { partitions: (req.body?.offsets ?? []).length }
              : {}),
          },
        });
        res.json(body);
      } catch (error) {
        await auditEvent.fail({ error: error as Error });
        throw error;
      }
    };
  };

  const base = '/connectors/:cluster/:namespace/:name/offsets';
  router.get(
    base,
    audited('list', async (req, res) => {
      const target = await targetOf(req, res);
      const warnings = gitOpsWarnings(target, 'listOffsets');
      const listed = await offsets.list(target);
      return { ...listed, ...(warnings.length ? { warnings } : {}) };
    }),
  );
  router.post(
    `${base}/reset`,
    audited('reset', async (req, res) => {
      const target = await targetOf(req, res);
      return { ...(await offsets.reset(target)) };
    }),
  );
  router.post(
    `${base}/alter`,
    audited('alter', async (req, res) => {
      const target = await targetOf(req, res);
      const warnings = gitOpsWarnings(target, 'alterOffsets');
      const answer = await offsets.alter(target, req.body);
      return { ...answer, ...(warnings.length ? { warnings } : {}) };
    }),
  );
}
