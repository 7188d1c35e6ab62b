import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';

interface LoadedProps<T> {
  readonly query: UseQueryResult<T>;
  readonly children: (data: T) => ReactNode;
}

/**
 * A query's part of a page: the loader while it is pending, the error in the person's language when it failed, and
 * what its data shows once there is data. A failed refetch keeps the data it had under the alert, as the query does.
 */
export function Loaded<T>({ query, children }: LoadedProps<T>): ReactNode {
  return (
    <>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.data === undefined ? null : children(query.data)}
    </>
  );
}
