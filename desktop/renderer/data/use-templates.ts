import type { DeepReadonly } from 'rxdb';
import type { Template } from '@atendo/shared/schemas/catalog';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const NONE: DeepReadonly<Template>[] = [];

/** The templates a team may send on a channel (shared rule: empty team list means all teams). */
export function useTemplates(
  channelId: string | null,
  teamId: string | null,
): DeepReadonly<Template>[] {
  const { store } = useWorkspace();
  return useObservable(() => store.templatesFor$(channelId ?? '', teamId ?? ''), NONE, [
    store,
    channelId,
    teamId,
  ]);
}
