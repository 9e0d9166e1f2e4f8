import type {
  ConnectorHealth,
  ConnectorQuery,
  ConnectorSortField,
} from '@kcs/plugin-kafka-connect-common';
import { useEffect, useMemo, useState } from 'react';

/** Rows per page of the ownership table. */
export const PAGE_SIZE = 50;

/** The page's filters; empty means "any". */
export interface OwnershipFilters {
  owner?: string;
  health?: ConnectorHealth | '';
  cluster?: string;
}

/**
 * The ownership page's query state: filters, search text (sent once typing
 * pauses), order and page. Changing a filter, the text or the order goes
 * back to the first page.
 */
export function useConnectorQuery() {
  const [filters, setFilters] = useState<OwnershipFilters>({});
  const [text, setText] = useState('');
  const [sentText, setSentText] = useState('');
  const [sort, setSort] = useState<ConnectorSortField>('health');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSentText(text.trim());
      setPage(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);

  const query = useMemo<ConnectorQuery>(
    () => ({
      owner: filters.owner || undefined,
      health: filters.health || undefined,
      cluster: filters.cluster || undefined,
      text: sentText || undefined,
      sort,
      order,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    [filters, sentText, sort, order, page],
  );

  return {
    query,
    filters,
    setFilter: (key: keyof OwnershipFilters, value: string) => {
      setFilters(current => ({ ...current, [key]: value }));
      setPage(0);
    },
    text,
    setText,
    sort,
    setSort: (field: ConnectorSortField) => {
      setSort(field);
      setPage(0);
    },
    order,
    setOrder: (value: 'asc' | 'desc') => {
      setOrder(value);
      setPage(0);
    },
    page,
    setPage,
  };
}
