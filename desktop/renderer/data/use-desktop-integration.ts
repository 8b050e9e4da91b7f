import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '@atendo/shared/ipc/contract';
import { Locale } from '@atendo/shared/schemas/common';
import { getBridge } from '../bridge/get-bridge';
import type { ConversationRowData } from '../screens/workspace/list/conversation-rows';
import { arrivals } from './arrivals';
import { usePresence } from './presence-context';
import { useWorkspace } from './workspace-context';

export type DesktopIntegrationInput = {
  queued: readonly ConversationRowData[];
  active: readonly ConversationRowData[];
  openConversationId: string | null;
  onOpenConversation: (conversationId: string) => void;
};

/**
 * What the workspace tells the operating system through the bridge: who is working and on what
 * (so notifications are not shown for the open conversation), the badge count, and a
 * notification for each arrival in the queue or in the agent's own list.
 */
export function useDesktopIntegration(input: DesktopIntegrationInput): void {
  const { t, i18n } = useTranslation();
  const { session } = useWorkspace();
  const { presence } = usePresence();
  const { queued, active, openConversationId } = input;
  const seenQueued = useRef<ReadonlySet<string> | null>(null);
  const seenActive = useRef<ReadonlySet<string> | null>(null);
  const onOpen = useRef(input.onOpenConversation);
  onOpen.current = input.onOpenConversation;

  useEffect(() => {
    void getBridge().invoke('agent:context', {
      agentId: session.agent.id,
      teamIds: [...session.agent.teamIds],
      presence,
      openConversationId,
      // Main's tray and dialogs follow the language the agent chose; an unknown one is left out.
      locale: localeOf(i18n.language),
    });
  }, [session, presence, openConversationId, i18n.language]);

  useEffect(() => {
    void getBridge().invoke('badge:set', { queued: queued.length, unread: 0 });
  }, [queued.length]);

  useEffect(() => {
    const notify = (
      kind: NotificationKind,
      title: string,
      rows: readonly ConversationRowData[],
    ) => {
      for (const row of rows) {
        const c = row.conversation;
        void getBridge().invoke('notifications:event', {
          kind,
          conversationId: c.id,
          teamId: c.teamId,
          ownerId: c.ownerId,
          participantIds: [...c.participantIds],
          targetAgentId: kind === 'queue-arrival' ? null : session.agent.id,
          title,
          body: `${row.contactName}: ${c.lastMessagePreview ?? ''}`.slice(0, 500),
        });
      }
    };
    const asArrivals = (rows: readonly ConversationRowData[]) =>
      rows.map((r) => ({ id: r.conversation.id, ready: r.contactKnown }));
    const queuedArrivals = arrivals(seenQueued.current, asArrivals(queued));
    const activeArrivals = arrivals(seenActive.current, asArrivals(active));
    seenQueued.current = queuedArrivals.seen;
    seenActive.current = activeArrivals.seen;
    const newQueued = queuedArrivals.fresh;
    const newActive = activeArrivals.fresh;
    notify(
      'queue-arrival',
      t('notify.queueArrival'),
      queued.filter((r) => newQueued.includes(r.conversation.id)),
    );
    // A conversation the agent did not take themselves arrived by transfer or invitation.
    const handedOver = active.filter(
      (r) => newActive.includes(r.conversation.id) && r.conversation.id !== openConversationId,
    );
    notify(
      'transfer',
      t('notify.transfer'),
      handedOver.filter((r) => r.conversation.ownerId === session.agent.id),
    );
    notify(
      'invite',
      t('notify.invite'),
      handedOver.filter((r) => r.conversation.ownerId !== session.agent.id),
    );
  }, [queued, active, openConversationId, session, t]);

  useEffect(() => {
    const bridge = getBridge();
    const offClick = bridge.on('event:notification-click', ({ conversationId }) => {
      onOpen.current(conversationId);
    });
    const offLink = bridge.on('event:deep-link', (link) => {
      if (link.kind === 'conversation') onOpen.current(link.conversationId);
    });
    return () => {
      offClick();
      offLink();
    };
  }, []);
}

function localeOf(language: string): Locale | undefined {
  const parsed = Locale.safeParse(language);
  return parsed.success ? parsed.data : undefined;
}
