import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { firstValueFrom } from 'rxjs';
import { getBridge } from '../bridge/get-bridge';
import { useNotify } from '../ui/notices';
import { useWorkspace } from './workspace-context';

/**
 * A softphone's `atendo://call?number=…` screen-pop: find the caller among the contacts in the
 * local store and open their live conversation with the agent, if there is one.
 */
export function useScreenPop(onOpenConversation: (conversationId: string) => void): void {
  const { t } = useTranslation();
  const { store, session } = useWorkspace();
  const notify = useNotify();
  const open = useRef(onOpenConversation);
  open.current = onOpenConversation;

  useEffect(() => {
    return getBridge().on('event:deep-link', (link) => {
      if (link.kind !== 'call' || link.event !== 'ringing') return;
      void (async () => {
        const contact = await firstValueFrom(store.contactByPhone$(link.number));
        if (contact === null) {
          notify({
            tone: 'info',
            title: t('notify.incomingUnknown', { number: link.number }),
            text: t('notify.unknownCaller'),
          });
          return;
        }
        const mine = await firstValueFrom(store.myActiveConversations$(session.agent.id));
        const conversation = mine.find((c) => c.contactId === contact.id);
        if (conversation !== undefined) open.current(conversation.id);
        notify({
          tone: 'info',
          title: t('notify.incomingCall', { name: contact.name }),
          text: conversation === undefined ? t('notify.callNoConversation') : t('notify.callOpen'),
        });
      })();
    });
  }, [store, session, notify, t]);
}
