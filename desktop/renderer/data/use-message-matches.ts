import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useWorkspace } from './workspace-context';

const NONE: ReadonlySet<string> = new Set();

/**
 * The listed conversations with any stored message containing the search: asked of the local
 * store's index a moment after the agent stops typing, never of the server.
 */
export function useMessageMatches(
  search: string,
  conversationIds: readonly string[],
): ReadonlySet<string> {
  const { store } = useWorkspace();
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [matches, setMatches] = useState<ReadonlySet<string>>(NONE);
  const key = conversationIds.join(',');
  useEffect(() => {
    if (debounced === '') {
      setMatches(NONE);
      return;
    }
    let cancelled = false;
    void store.conversationsMatching(debounced, key.split(',')).then((found) => {
      if (!cancelled) setMatches(found);
    });
    return () => {
      cancelled = true;
    };
  }, [store, debounced, key]);
  return matches;
}
