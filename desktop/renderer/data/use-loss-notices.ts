import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { filter } from 'rxjs';
import { useNotify } from '../ui/notices';
import { lossOf, lossText } from './loss-notice';
import { useNames } from './use-names';
import { useWorkspace } from './workspace-context';

// Lines older than this when they arrive are history being replicated, not news.
const FRESH_MS = 2 * 60_000;

/**
 * A notice in the workspace when someone else takes one of the agent's conversations (reassign,
 * send back, transfer, force-close), wherever the agent is. The open conversation's pane says
 * it already, so it gets no second notice.
 */
export function useLossNotices(openConversationId: string | null): void {
  const { t } = useTranslation();
  const { store, session } = useWorkspace();
  const notify = useNotify();
  const names = useNames();
  const latest = useRef({ names, openConversationId, t });
  latest.current = { names, openConversationId, t };
  const me = session.agent.id;
  useEffect(() => {
    const subscription = store.db.messages.$.pipe(
      filter((change) => change.operation === 'INSERT'),
    ).subscribe((change) => {
      const message = change.documentData;
      if (message.system === null || Date.now() - message.createdAt > FRESH_MS) return;
      const system = message.system;
      void (async () => {
        const conversation = await store.db.conversations.findOne(message.conversationId).exec();
        const loss = lossOf(system, me, conversation?.toJSON() ?? null);
        const current = latest.current;
        if (loss === null || current.openConversationId === message.conversationId) return;
        const contactId = conversation?.contactId ?? null;
        const contact =
          contactId === null ? null : await store.db.contacts.findOne(contactId).exec();
        const text = lossText(current.t, loss, current.names);
        notify({
          tone: 'info',
          title: current.t('supervise.lostTitle'),
          text:
            contact === null
              ? text
              : current.t('supervise.lostWithContact', { contact: contact.name, text }),
        });
      })();
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [store, me, notify]);
}
