import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterListResponse,
  ConnectorHistoryResponse,
  ConnectorListResponse,
  ConnectorSummary,
  ConnectorActionResponse,
  formatResourceRef,
  kafkaConnectReadPermission,
  deriveMirrorMaker2Health,
  parseConnectorQuery,
  queryConnectors,
  restartDialectOf,
  offsetsSupport,
  connectorStateSupport,
  validateConnectorAction,
} from '@kcs/plugin-kafka-connect-common';
import type { StrimziResourceReader } from '@kcs/plugin-kafka-connect-node';
import express from 'express';
import Router from 'express-promise-router';
import { connectClusterResource, findConnector } from './connectors';
import { EntityAccess } from './entityAccess';
import { sendKept } from './sendKept';
import { entityConnectorsHandler } from './entityConnectorsRoute';
import type { ConnectorOperations } from './operations';
import type { RestartDialects } from './restartDialects';
import { ConnectorQueryMemo } from './connectorQueryMemo';
import { createSummaryMemo, EntityResponseMemo } from './responseMemo';
import { SummaryStore } from './summaryStore';
import { toConnectClusterSummary } from './summaries';
import { HealthHistoryRecorder } from './healthHistoryRecorder';
import { authorizeOperation } from './authorizeOperation';
import { addOffsetsRoutes } from './offsetsRoutes';
import type { OffsetsService } from './offsetsService';
import type { HealthHistoryStore } from './healthHistoryStore';

/** Dependencies of the plugin's HTTP router. */
export interface RouterOptions {
  logger: LoggerService;
  cache: StrimziResourceReader;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** The plugin's own credentials, for catalog lookups shared by users who may read every entity. */
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  operations: ConnectorOperations;
  /** How long a state that should pass by itself stays `pending` (config `kafkaConnect.health.settleTime`). */
  settleTimeMs?: number;
  /** `kafkaConnect.clusters[].strimziVersion` by cluster name, where configured. */
  strimziVersions?: Record<string, string>;
  /** What each cluster's Strimzi was seen to read in `strimzi.io/restart`. */
  restartDialects?: Pick<RestartDialects, 'of'>;
  /** Where health transitions are recorded; without it there is no history route. */
  history?: HealthHistoryStore;
  /** Called with what to stop when the plugin shuts down. */
  onShutdown?: (stop: () => void) => void;
  /** Why operations are refused on this portal, if they are (readOperationsSafety). */
  operationsRefusal?: string;
  /** Lists, resets and alters offsets through Strimzi; without it there are no offsets routes. */
  offsets?: OffsetsService;
  /** How long a catalog entity read with the plugin's own credentials is reused (`kafkaConnect.catalogEntityCacheSeconds`). */
  catalogEntityKeepMs?: number;
}

/** Shorter than the catalog's own processing interval (100 to 150 s), longer than the card's 10 s refresh. */
export const DEFAULT_CATALOG_ENTITY_KEEP_MS = 30_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `since` of the history route: an ISO 8601 time, default 24 hours ago. */
function sinceOf(req: express.Request, now: number): Date {
  const since = optionalQuery(req, 'since');
  if (since === undefined) {
    return new Date(now - DAY_MS);
  }
  const parsed = Date.parse(since);
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(since) || Number.isNaN(parsed)) {
    throw new InputError(
      `Query parameter 'since' must be an ISO 8601 time such as 2026-12-02T08:00:00Z, not ${JSON.stringify(
        since,
      )}`,
    );
  }
  return new Date(parsed);
}

function optionalQuery(req: express.Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(
      `Query parameter '${name}' must be a single non-empty string`,
    );
  }
  return value;
}

/**
 * The REST API under `/api/kafka-connect`. Every answer comes from the watch
 * cache in memory; no request reaches a Kubernetes API server.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { cache, catalog, httpAuth, permissions, auditor, operations } =
    options;
  const router = Router();
  router.use(express.json());

  const stateOf = (cluster: string) =>
    cache.clusters().find(state => state.name === cluster);
  // The configured version, else a served v1, else what the cluster showed.
  const restartDialect = (cluster: string, apiVersion?: string | null) =>
    restartDialectOf({
      strimziVersion: options.strimziVersions?.[cluster],
      apiVersion: stateOf(cluster)?.strimziApiVersion ?? apiVersion,
      learned: options.restartDialects?.of(cluster),
    });
  const toConnectorSummary = createSummaryMemo(
    cached => cache.ownerOf(cached).owner,
    cached => ({
      ...(cached.kind === 'KafkaConnector'
        ? { connectCluster: connectClusterResource(cache, cached) }
        : {}),
      ...(options.settleTimeMs ? { settleTimeMs: options.settleTimeMs } : {}),
      restartOptions: restartDialect(
        cached.cluster,
        String(cached.resource.apiVersion ?? '').split('/')[1],
      ).restartOptions,
      ...offsetsUnsupportedOf(cached),
      ...stopUnsupportedOf(cached),
    }),
  );
  function offsetsUnsupportedOf(cached: { cluster: string }) {
    const support = offsetsSupport({
      strimziVersion: options.strimziVersions?.[cached.cluster],
    });
    return support.supported ? {} : { offsetsUnsupported: support.reason };
  }
  function stopUnsupportedOf(cached: {
    cluster: string;
    resource: Record<string, any>;
  }) {
    const support = connectorStateSupport({
      apiVersion:
        stateOf(cached.cluster)?.strimziApiVersion ??
        String(cached.resource.apiVersion ?? '').split('/')[1],
      strimziVersion: options.strimziVersions?.[cached.cluster],
      learnedLacksState: operations.lacksStateOn(cached.cluster),
    });
    return support.supported ? {} : { stopUnsupported: support.reason };
  }
  const entityAnswers = new EntityResponseMemo(cache);
  const connectorQueries = new ConnectorQueryMemo(cache);
  const summaryStore = new SummaryStore(cache, toConnectorSummary);
  const summaries = () => summaryStore.all();
  // Every summary of a cluster found without spec.state now says stop is unavailable.
  operations.onLacksState(cluster => {
    options.logger.info(
      `Cluster ${cluster}: its API server refused spec.state (Strimzi before 0.38): pause and resume use pause, stop is refused`,
    );
    summaryStore.invalidate();
    entityAnswers.clear();
    connectorQueries.clear();
  });
  const { history } = options;
  let healthSinceOf:
    | ((item: ConnectorSummary) => string | undefined)
    | undefined;
  if (history) {
    const recorder = new HealthHistoryRecorder(
      cache,
      summaryStore,
      history,
      options.logger,
    );
    healthSinceOf = item => recorder.healthSinceOf(item);
    // Kept answers carry how long each connector has been in its health.
    recorder.onRecorded(() => connectorQueries.clear());
    options.onShutdown?.(() => recorder.close());
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Checks the read permission itself, with the catalog's in one request.
  router.get(
    '/entity-connectors',
    entityConnectorsHandler({
      cache,
      httpAuth,
      access: new EntityAccess({
        catalog,
        permissions,
        auth: options.auth,
        keepMs: options.catalogEntityKeepMs ?? DEFAULT_CATALOG_ENTITY_KEEP_MS,
      }),
      answers: entityAnswers,
      toConnectorSummary,
    }),
  );

  // Every other data route needs the read permission.
  router.use(async (req, res, next) => {
    const credentials = await httpAuth.credentials(req);
    // Kept for the route, so a request's credentials are read once.
    res.locals.credentials = credentials;
    const [decision] = await permissions.authorize(
      [{ permission: kafkaConnectReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not read Kafka Connect data (permission kafka.connect.read)',
      );
    }
    next();
  });

  router.get('/clusters', (_req, res) => {
    const connects = [
      ...cache.list('KafkaConnect'),
      ...cache.list('KafkaMirrorMaker2'),
    ];
    const body: ClusterListResponse = {
      items: cache.clusters().map(state => ({
        ...state,
        connectClusters: connects
          .filter(item => item.cluster === state.name)
          .map(item => toConnectClusterSummary(item, state)),
        restartDialect: restartDialect(state.name),
      })),
    };
    res.json(body);
  });

  router.get('/connectors', (req, res) => {
    const raw: Record<string, string | undefined> = {};
    for (const name of Object.keys(req.query)) {
      raw[name] = optionalQuery(req, name);
    }
    const states = cache.clusters();
    const { query, errors } = parseConnectorQuery(
      raw,
      states.map(state => state.name),
    );
    if (errors.length) {
      throw new InputError(errors.join('; '));
    }
    const answer = connectorQueries.answer(query, states, () => {
      const all = summaries();
      const body: ConnectorListResponse = {
        ...queryConnectors(all, query, healthSinceOf),
        clusters: states,
      };
      // Counts and order cover every connector, so any of their healths may end it.
      return { body, expiresAt: summaryStore.expiresAt };
    });
    sendKept(req, res, answer);
  });

  router.get('/connectors/:cluster/:namespace/:name', (req, res) => {
    const { cluster, namespace, name } = req.params;
    const found = findConnector(cache, { cluster, namespace, name });
    if (!found) {
      throw new NotFoundError(
        `No KafkaConnector or KafkaMirrorMaker2 ${namespace}/${name} in cluster ${cluster}`,
      );
    }
    res.json(toConnectorSummary(found, stateOf(cluster)));
  });

  router.get(
    '/connectors/:cluster/:namespace/:name/history',
    async (req, res) => {
      const { cluster, namespace, name } = req.params;
      if (!history) {
        throw new NotFoundError(
          'Health history is not recorded by this backend',
        );
      }
      const since = sinceOf(req, Date.now());
      const items = await history.list({ cluster, namespace, name }, since);
      if (
        items.length === 0 &&
        !findConnector(cache, { cluster, namespace, name })
      ) {
        throw new NotFoundError(
          `No KafkaConnector or KafkaMirrorMaker2 ${namespace}/${name} in cluster ${cluster}, and no history of one`,
        );
      }
      const body: ConnectorHistoryResponse = {
        items,
        since: since.toISOString(),
      };
      res.json(body);
    },
  );

  router.post(
    '/connectors/:cluster/:namespace/:name/actions',
    async (req, res) => {
      const { cluster, namespace, name } = req.params;
      const ref = { cluster, namespace, name };
      const auditEvent = await auditor.createEvent({
        eventId: 'connector-operate',
        severityLevel: 'medium',
        request: req,
        meta: {
          connector: formatResourceRef(ref),
          action: req.body?.action,
        },
      });
      try {
        const { found, kind } = await authorizeOperation({
          ref,
          cache,
          permissions,
          credentials: res.locals.credentials,
          operationsRefusal: options.operationsRefusal,
        });
        const action = validateConnectorAction(req.body, {
          kind,
          // The connectors its spec names and those Strimzi reports.
          connectorNames:
            kind === 'KafkaMirrorMaker2'
              ? deriveMirrorMaker2Health(found.resource).components.map(
                  component => component.name,
                )
              : [],
        });
        const apiVersion = String(found.resource.apiVersion ?? '');
        const version = apiVersion.split('/')[1] ?? 'v1';
        const { generation, queued } = await operations.apply(
          {
            ...ref,
            kind,
            version,
            restartOptions: restartDialect(cluster, version).restartOptions,
            resource: found.resource,
            strimziVersion: options.strimziVersions?.[cluster],
          },
          action,
        );
        await auditEvent.success({ meta: { ...action, generation, queued } });
        const body: ConnectorActionResponse = {
          accepted: true,
          action: action.action,
          ...(generation !== undefined ? { generation } : {}),
          ...(queued && queued.length > 0 ? { queued } : {}),
        };
        res.status(202).json(body);
      } catch (error) {
        await auditEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  if (options.offsets) {
    addOffsetsRoutes(router, {
      cache,
      permissions,
      auditor,
      offsets: options.offsets,
      strimziVersions: options.strimziVersions,
      operationsRefusal: options.operationsRefusal,
    });
  }

  return router;
}
