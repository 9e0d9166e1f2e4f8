import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { EntityConnectorsResponse } from '@kcs/plugin-kafka-connect-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { kafkaConnectApiRef } from '../api';

/** State of the entity's connectors: the last data is kept while refreshing, so nothing flickers. */
export interface EntityConnectorsState {
  data?: EntityConnectorsResponse;
  error?: Error;
  loading: boolean;
  refresh: () => void;
}

/** Loads an entity's connectors, refreshing on an interval (`kafkaConnect.frontend.refreshIntervalSeconds`, default 10). */
export function useEntityConnectors(entityRef: string): EntityConnectorsState {
  const api = useApi(kafkaConnectApiRef);
  const config = useApi(configApiRef);
  const intervalSeconds =
    config.getOptionalNumber('kafkaConnect.frontend.refreshIntervalSeconds') ??
    10;
  const [data, setData] = useState<EntityConnectorsResponse>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    api
      .getEntityConnectors(entityRef)
      .then(response => {
        if (request === latest.current) {
          setData(response);
          setError(undefined);
        }
      })
      .catch(e => {
        if (request === latest.current) {
          setError(e);
        }
      })
      .finally(() => {
        if (request === latest.current) {
          setLoading(false);
        }
      });
  }, [api, entityRef]);

  useEffect(() => {
    load();
    if (intervalSeconds <= 0) {
      return undefined;
    }
    const timer = setInterval(load, intervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [load, intervalSeconds]);

  return { data, error, loading, refresh: load };
}
