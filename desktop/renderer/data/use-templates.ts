import { map } from 'rxjs';
import type { DeepReadonly } from 'rxdb';
import { isPickableByAgents } from '@atendo/shared/rules/template-picking';
import type { Template } from '@atendo/shared/schemas/catalog';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const NONE: DeepReadonly<Template>[] = [];

/**
 * The templates a team may send on a channel (shared rule: empty team list means all teams),
 * without the ones Atendo sends by itself (the CSAT question).
 */
export function useTemplates(
  channelId: string | null,
  teamId: string | null,
): DeepReadonly<Template>[] {
  const { store } = useWorkspace();
  return useObservable(
    () =>
      store
        .templatesFor$(channelId ?? '', teamId ?? '')
        .pipe(map((list) => list.filter(isPickableByAgents))),
    NONE,
    [store, channelId, teamId],
  );
}
