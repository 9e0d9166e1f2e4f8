import type {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  detectGitOps,
  formatResourceRef,
  offsetsSupport,
} from '@kcs/plugin-kafka-connect-common';
import type { StrimziResourceReader } from '@kcs/plugin-kafka-connect-node';
import type express from 'express';
import { authorizeOperation } from './authorizeOperation';
import type { OffsetsService, OffsetsTarget } from './offsetsService';

/** Why the portal does not manage a MirrorMaker 2's offsets (yet). */
export const MIRROR_MAKER_2_OFFSETS_UNSUPPORTED =
  'The portal manages offsets of KafkaConnectors only so far; for a KafkaMirrorMaker2 use the strimzi.io/connector-offsets and strimzi.io/mirrormaker-connector annotations with kubectl';

const GITOPS_TOOLS = { argocd: 'Argo CD', flux: 'Flux' } as const;

/** Why a spec field the portal adds shows as drift in the GitOps tool that applies the connector. */
function gitOpsWarnings(
  resource: Record<string, any>,
  field: 'listOffsets' | 'alterOffsets',
  configMap: string | undefined,
): string[] {
  const gitOps = detectGitOps(resource);
  if (!gitOps || configMap) {
    return [];
  }
  const tool = `${GITOPS_TOOLS[gitOps.tool]}${
    gitOps.name ? ` (${gitOps.name})` : ''
  }`;
  return [
    `${tool} applies this connector: the portal added spec.${field}, which ${tool} shows as drift and may remove on its next sync. Add it in Git to keep it.`,
  ];
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
    if (kind === 'KafkaMirrorMaker2') {
      throw new InputError(
        `${namespace}/${name} is a KafkaMirrorMaker2. ${MIRROR_MAKER_2_OFFSETS_UNSUPPORTED}`,
      );
    }
    const strimziVersion = options.strimziVersions?.[cluster];
    const support = offsetsSupport({ strimziVersion });
    if (!support.supported) {
      throw new InputError(support.reason);
    }
    const apiVersion = String(found.resource.apiVersion ?? '');
    return {
      ...ref,
      version: apiVersion.split('/')[1] ?? 'v1',
      ...(strimziVersion ? { strimziVersion } : {}),
      resource: found.resource,
    };
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
      const warnings = gitOpsWarnings(
        target.resource,
        'listOffsets',
        target.resource.spec?.listOffsets?.toConfigMap?.name,
      );
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
      const warnings = gitOpsWarnings(
        target.resource,
        'alterOffsets',
        target.resource.spec?.alterOffsets?.fromConfigMap?.name,
      );
      const answer = await offsets.alter(target, req.body);
      return { ...answer, ...(warnings.length ? { warnings } : {}) };
    }),
  );
}
