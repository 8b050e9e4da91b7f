import { useTranslation } from 'react-i18next';
import type { NameLookup } from '../i18n/system-event-text';
import { dispositionPath } from '@atendo/shared/rules/close-conversation';
import { useObservable } from './use-observable';
import { useTags } from './use-collections';
import { useDirectory } from './use-directory';
import { useWorkspace } from './workspace-context';
import { map } from 'rxjs';
import type { DeepReadonly } from 'rxdb';
import type { Disposition } from '@atendo/shared/schemas/catalog';

const NONE: DeepReadonly<Disposition>[] = [];

/** Turns the ids in timelines and errors into names the agent recognises. */
export function useNames(): NameLookup {
  const { t } = useTranslation();
  const { store } = useWorkspace();
  const directory = useDirectory();
  const tags = useTags();
  const dispositions = useObservable(
    () => store.db.dispositions.find().$.pipe(map((docs) => docs.map((d) => d.toJSON()))),
    NONE,
    [store],
  );
  const agent = (id: string | null): string =>
    id === null
      ? t('conversation.unknownAgent')
      : (directory.agents.get(id)?.name ?? t('conversation.unknownAgent'));
  return {
    agent,
    actor: (id) => {
      const role = id === null ? undefined : directory.agents.get(id)?.role;
      if (role !== 'supervisor' && role !== 'admin') return agent(id);
      return t('supervise.withRole', { name: agent(id), role: t(`supervise.role.${role}`) });
    },
    team: (id) => directory.teams.get(id)?.name ?? id,
    tag: (id) => tags.get(id)?.name ?? id,
    disposition: (id) => {
      const path = dispositionPath(dispositions, id);
      return path.length === 0 ? id : path.join(' › ');
    },
  };
}
