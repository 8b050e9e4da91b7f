import { useEffect, useState } from 'react';
import type { Contact } from '@atendo/shared/schemas/contact';
import { describeApiError } from '../api/api-error';
import { SERVER_SEARCH_DEBOUNCE_MS, shouldAskServer, type ServerSearch } from './contact-search';
import { useWorkspace } from './workspace-context';

/**
 * Asks the server for contacts matching `query` when the local store has none (debounced).
 * Offline — the browser says so, or the request never reached the server — it says so instead
 * of failing, and the picker explains that only local contacts are shown. A contact the agent
 * picks from the answer is kept in the local store (`rememberContacts`).
 */
export function useServerContactSearch(query: string, localMatches: number): ServerSearch {
  const { api } = useWorkspace();
  const [state, setState] = useState<ServerSearch>({ status: 'idle' });
  const ask = shouldAskServer(query, localMatches);
  useEffect(() => {
    if (!ask) {
      setState({ status: 'idle' });
      return;
    }
    if (!navigator.onLine) {
      setState({ status: 'offline' });
      return;
    }
    let cancelled = false;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      api.contact.search.query({ query: query.trim(), limit: 20 }).then(
        (contacts: Contact[]) => {
          if (!cancelled) setState({ status: 'found', contacts });
        },
        (error: unknown) => {
          if (cancelled) return;
          const offline = describeApiError(error).kind === 'network' || !navigator.onLine;
          setState({ status: offline ? 'offline' : 'failed' });
        },
      );
    }, SERVER_SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, ask, query]);
  return state;
}
