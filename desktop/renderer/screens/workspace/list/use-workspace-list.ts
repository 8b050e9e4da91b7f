import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../../data/use-api-action';
import { useConversationRows } from '../../../data/use-conversation-rows';
import { useTake } from '../../../data/use-take';
import { useWorkspace } from '../../../data/workspace-context';
import { useNotify } from '../../../ui/notices';
import type { ConversationRowData } from './conversation-rows';
import type { ListTab } from './conversation-list-panel';
import { loadWorkspaceView, saveWorkspaceView } from './workspace-view-storage';

/**
 * The list's state: which tab, which conversation is open (both restored after a reload, per
 * agent), and taking from the queue. Losing a race is explained with the winner's name, and the
 * list moves on without a reload.
 */
export function useWorkspaceList() {
  const { t } = useTranslation();
  const notify = useNotify();
  const rows = useConversationRows(t('conversation.contact'));
  const { take, takingId } = useTake();
  const { describe } = useApiAction();
  const { session } = useWorkspace();
  const agentId = session.agent.id;
  const [restored] = useState(() => loadWorkspaceView(localStorage, agentId));
  const [tab, setTab] = useState<ListTab>(restored.tab);
  const [selectedId, setSelectedId] = useState<string | null>(restored.selectedId);
  useEffect(() => {
    saveWorkspaceView(localStorage, agentId, { tab, selectedId });
  }, [agentId, tab, selectedId]);

  const takeRow = async (row: ConversationRowData): Promise<void> => {
    const outcome = await take(row.conversation.id);
    if (outcome.ok) {
      setSelectedId(row.conversation.id);
      setTab('active');
      return;
    }
    const failure = outcome.failure;
    const lostRace = failure.kind === 'atendo' && failure.code === 'already-taken';
    notify({
      tone: lostRace ? 'info' : 'error',
      title: t('list.takeFailed'),
      text: describe(failure),
    });
  };

  const activate = async (row: ConversationRowData): Promise<void> => {
    if (row.conversation.state === 'queued') {
      await takeRow(row);
      return;
    }
    setSelectedId(row.conversation.id);
  };

  /** The longest-waiting conversation first, as a queue should be served. */
  const takeNext = async (): Promise<void> => {
    const next = rows.queued[0];
    if (next !== undefined) await takeRow(next);
  };

  return {
    ...rows,
    tab,
    setTab,
    selectedId,
    select: setSelectedId,
    takingId,
    activate,
    takeNext,
  };
}
