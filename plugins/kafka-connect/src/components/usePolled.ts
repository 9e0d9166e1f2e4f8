import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Polled data: the last data is kept while refreshing, so nothing flickers. */
export interface PolledState<T> {
  data?: T;
  /** When `data` arrived (ms since the epoch), set in the same render as it. */
  answeredAt?: number;
  error?: Error;
  loading: boolean;
  refresh: () => void;
}

/**
 * Calls `fetch` now and on an interval (`kafkaConnect.frontend.refreshIntervalSeconds`,
 * default 10); answers of superseded requests are dropped.
 */
export function usePolled<T>(fetch: () => Promise<T>): PolledState<T> {
  const config = useApi(configApiRef);
  const intervalSeconds =
    config.getOptionalNumber('kafkaConnect.frontend.refreshIntervalSeconds') ??
    10;
  const [data, setData] = useState<T>();
  const [answeredAt, setAnsweredAt] = useState<number>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    fetch()
      .then(response => {
        if (request === latest.current) {
          setData(response);
          setAnsweredAt(Date.now());
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
  }, [fetch]);

  useEffect(() => {
    load();
    if (intervalSeconds <= 0) {
      return undefined;
    }
    const timer = setInterval(load, intervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [load, intervalSeconds]);

  return { data, answeredAt, error, loading, refresh: load };
}
