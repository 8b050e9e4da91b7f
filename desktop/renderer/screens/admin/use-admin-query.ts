import { useCallback, useEffect, useState } from 'react';
import { map } from 'rxjs';
import { describeApiError } from '../../api/api-error';
import type { ApiQueryState } from '../../data/use-api-query';
import { useObservable } from '../../data/use-observable';
import { useWorkspace } from '../../data/workspace-context';
import type { ApiClient } from '../../api/trpc-client';

/**
 * An admin read that stays current: it reloads after this console's own writes (`reload`) and
 * whenever the replicated directory changes, so another admin's edit shows up without a reload.
 * A reload keeps showing the last answer until the new one arrives (no flicker, no lost scroll).
 */
export function useAdminQuery<T>(
  load: (api: ApiClient) => Promise<T>,
  deps: readonly unknown[] = [],
): { state: ApiQueryState<T>; reload: () => void } {
  const { api, store } = useWorkspace();
  const [revision, setRevision] = useState(0);
  const [state, setState] = useState<ApiQueryState<T>>({ status: 'loading' });
  const directoryRevision = useObservable(
    () =>
      store.db.directory
        .find()
        .$.pipe(map((docs) => docs.map((d) => `${d.primary}:${d.revision}`).join('|'))),
    '',
    [store],
  );
  useEffect(() => {
    let cancelled = false;
    load(api).then(
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
    // The caller lists what `load` depends on besides the client, as with useEffect.
  }, [api, revision, directoryRevision, ...deps]);
  const reload = useCallback(() => {
    setRevision((r) => r + 1);
  }, []);
  return { state, reload };
}
