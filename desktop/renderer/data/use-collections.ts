import { map } from 'rxjs';
import type { DeepReadonly } from 'rxdb';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Disposition, Tag } from '@atendo/shared/schemas/catalog';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const EMPTY_MAP = new Map<string, never>();

/** The contacts in the local store by id: the working set the list and forms need. */
export function useContacts(): ReadonlyMap<string, DeepReadonly<Contact>> {
  const { store } = useWorkspace();
  return useObservable(
    () =>
      store.db.contacts.find().$.pipe(map((docs) => new Map(docs.map((d) => [d.id, d.toJSON()])))),
    EMPTY_MAP,
    [store],
  );
}

export function useTags(): ReadonlyMap<string, DeepReadonly<Tag>> {
  const { store } = useWorkspace();
  return useObservable(
    () => store.db.tags.find().$.pipe(map((docs) => new Map(docs.map((d) => [d.id, d.toJSON()])))),
    EMPTY_MAP,
    [store],
  );
}

export function useConversation(id: string | null): DeepReadonly<Conversation> | null {
  const { store } = useWorkspace();
  return useObservable(
    () => store.db.conversations.findOne(id ?? '').$.pipe(map((doc) => doc?.toJSON() ?? null)),
    null,
    [store, id],
  );
}

/** Every conversation in the local store (supervisors replicate all of them). */
export function useAllConversations(): DeepReadonly<Conversation>[] {
  const { store } = useWorkspace();
  return useObservable(
    () => store.db.conversations.find().$.pipe(map((docs) => docs.map((d) => d.toJSON()))),
    [],
    [store],
  );
}

export function useDispositions(teamId: string | null): DeepReadonly<Disposition>[] {
  const { store } = useWorkspace();
  return useObservable(
    () =>
      store.db.dispositions
        .find({ selector: { teamId: teamId ?? '' } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON()))),
    [],
    [store, teamId],
  );
}
