import type { DeepReadonly } from 'rxdb';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const NONE: DeepReadonly<QuickReply>[] = [];

/** The quick replies of the conversation's team, from the local store (they work offline). */
export function useQuickReplies(teamId: string | null): DeepReadonly<QuickReply>[] {
  const { store } = useWorkspace();
  return useObservable(() => store.quickRepliesFor$(teamId === null ? [] : [teamId]), NONE, [
    store,
    teamId,
  ]);
}
