import { useEffect, useState } from 'react';
import { describeApiError, type ApiFailure } from '../api/api-error';

export type ApiQueryState<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'failed'; failure: ApiFailure };

/**
 * A one-off server read for what the local store does not hold (older history, another agent's
 * closed conversations). Everything live comes from the store instead.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiQueryState<T> {
  const [state, setState] = useState<ApiQueryState<T>>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (!cancelled) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', failure: describeApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The caller lists what `load` depends on, as with useEffect.
  }, deps);
  return state;
}
