import { useApi } from '@backstage/core-plugin-api';
import type { EntityConnectorsResponse } from '@kcs/plugin-kafka-connect-common';
import { useCallback } from 'react';
import { kafkaConnectApiRef } from '../api';
import { PolledState, usePolled } from './usePolled';

/** State of the entity's connectors: the last data is kept while refreshing, so nothing flickers. */
export type EntityConnectorsState = PolledState<EntityConnectorsResponse>;

/** Loads an entity's connectors, refreshing on an interval (`kafkaConnect.frontend.refreshIntervalSeconds`, default 10). */
export function useEntityConnectors(entityRef: string): EntityConnectorsState {
  const api = useApi(kafkaConnectApiRef);
  const fetch = useCallback(
    () => api.getEntityConnectors(entityRef),
    [api, entityRef],
  );
  return usePolled(fetch);
}
