import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { useNotify } from '../../../ui/notices';

/** An invited collaborator leaves the conversation on their own (conversation.removeParticipant). */
export function useLeave(conversationId: string): () => Promise<void> {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const notify = useNotify();
  const action = useApiAction();
  return async () => {
    const done = await action.runOrNotify(
      () =>
        api.conversation.removeParticipant.mutate({ conversationId, agentId: session.agent.id }),
      t('seat.leave'),
    );
    if (done !== null) notify({ tone: 'success', title: t('seat.left'), text: '' });
  };
}
