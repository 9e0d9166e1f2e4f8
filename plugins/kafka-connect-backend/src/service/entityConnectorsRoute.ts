import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type {
  ClusterSyncState,
  ConnectorSummary,
  EntityConnectorsResponse,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import type express from 'express';
import type { EntityAccess } from './entityAccess';
import { connectClustersOf, connectorsOfEntity } from './entityConnectors';
import type { EntityResponseMemo } from './responseMemo';
import { sendKept } from './sendKept';
import { toConnectClusterSummary } from './summaries';

/** What the entity route needs from the router. */
export interface EntityConnectorsRouteOptions {
  cache: StrimziResourceReader;
  httpAuth: HttpAuthService;
  access: EntityAccess;
  answers: EntityResponseMemo;
  toConnectorSummary: (
    cached: CachedResource,
    state: ClusterSyncState | undefined,
  ) => ConnectorSummary;
}

function entityRefOf(req: express.Request): string {
  const value = req.query.entityRef;
  if (value === undefined) {
    throw new InputError(
      "Query parameter 'entityRef' is required, e.g. ?entityRef=component:default/orders-service",
    );
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(
      "Query parameter 'entityRef' must be a single non-empty string",
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch {
    throw new InputError(
      "Query parameter 'entityRef' must be an entity ref kind:namespace/name, e.g. component:default/orders-service",
    );
  }
}

/**
 * `GET /entity-connectors?entityRef=…`: the connectors of one catalog
 * entity. Its checks (the read permission, the entity as the user may see
 * it) are EntityAccess's, one permission request per page view; it is
 * registered before the router's read-permission middleware so that the
 * read permission is not asked twice.
 */
export function entityConnectorsHandler(
  options: EntityConnectorsRouteOptions,
): express.RequestHandler {
  const { cache, httpAuth, access, answers, toConnectorSummary } = options;
  return async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = entityRefOf(req);
    const { entity } = await access.find(ref, credentials);
    if (!entity) {
      throw new NotFoundError(`No catalog entity ${ref}`);
    }
    const states = cache.clusters();
    const answer = answers.answer(entity, states, reader => {
      const connectors = connectorsOfEntity(entity, reader);
      const clusterNames = new Set(connectors.map(item => item.cluster));
      const stateIn = (cluster: string) =>
        states.find(state => state.name === cluster);
      const body: EntityConnectorsResponse = {
        items: connectors.map(item =>
          toConnectorSummary(item, stateIn(item.cluster)),
        ),
        connectClusters: connectClustersOf(connectors, reader).map(item =>
          toConnectClusterSummary(item, stateIn(item.cluster)),
        ),
        clusters: states.filter(
          state => clusterNames.has(state.name) || !state.synced,
        ),
      };
      return body;
    });
    sendKept(req, res, answer);
  };
}
