import { Alert, Box, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitorsOnly } from '@atendo/shared/rules/permissions';
import { accessOf } from '../../../data/access';
import { latestLoss } from '../../../data/loss-notice';
import { useConversationView } from '../../../data/use-conversation-view';
import { useNames } from '../../../data/use-names';
import { useSend } from '../../../data/use-send';
import { useTemplates } from '../../../data/use-templates';
import { useTimeline } from '../../../data/use-timeline';
import { useActor, useWorkspace } from '../../../data/workspace-context';
import { useOnActionRequest } from '../actions/action-requests';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { LossNoticeAlert, LostConversation } from './loss-notice';
import { MonitorBar } from './monitor-bar';
import { TemplatePicker } from './template-picker';
import { VirtualTimeline } from './virtual-timeline';
import { WindowBanner } from './window-banner';

export type ConversationViewProps = { conversationId: string };

/** One conversation: who and where on top, the window, the timeline, the composer. */
export function ConversationView({ conversationId }: ConversationViewProps) {
  const { t } = useTranslation();
  const { store, session } = useWorkspace();
  const actor = useActor();
  const view = useConversationView(conversationId);
  const timeline = useTimeline(conversationId);
  const names = useNames();
  const { sendTemplate } = useSend(conversationId);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const templates = useTemplates(
    view?.conversation.channelId ?? null,
    view?.conversation.teamId ?? null,
  );
  useOnActionRequest('template', () => {
    if (view?.mayWrite) setTemplatesOpen(true);
  });
  // Taken away by someone else: say who, also once the conversation has left the store.
  const loss = latestLoss(timeline.messages, session.agent.id, view?.conversation ?? null);
  if (view === null) return loss === null ? null : <LostConversation loss={loss} />;
  const openTemplates = () => {
    setTemplatesOpen(true);
  };
  const { conversation } = view;
  const closed = conversation.state === 'closed' || conversation.state === 'awaiting_csat';
  const monitoring = !closed && monitorsOnly(actor, accessOf(conversation));

  return (
    <Stack
      gap={0}
      h="100%"
      component="section"
      aria-label={view.contact?.name ?? t('conversation.contact')}
    >
      <ConversationHeader view={view} onOpenTemplates={openTemplates} />
      {loss !== null && <LossNoticeAlert loss={loss} />}
      {view.mayWrite && (
        <WindowBanner
          window={view.window}
          otherNumber={view.otherNumber}
          now={view.now}
          canSend={view.mayWrite}
          onSendTemplate={openTemplates}
        />
      )}
      <VirtualTimeline
        messages={timeline.messages}
        outbox={timeline.outbox}
        names={names}
        myId={session.agent.id}
        now={view.now}
        hasOlder={timeline.hasOlder}
        loadingOlder={timeline.loadingOlder}
        onLoadOlder={timeline.loadOlder}
        onRetry={(id) => void store.retryOutboxItem(id)}
        onEdit={(id) => void store.editOutboxItem(id)}
        onDiscard={(id) => void store.dismissOutboxItem(id)}
        onSendTemplate={openTemplates}
      />
      {view.mayWrite ? (
        <Composer
          conversationId={conversationId}
          channelKind={view.channel?.kind ?? null}
          freeMessagesAllowed={view.freeMessagesAllowed}
          onOpenTemplates={openTemplates}
          quickReplies={{
            teamId: conversation.teamId,
            contactName: view.contact?.name ?? '',
            agentName: session.agent.name,
            teamName: view.team?.name ?? '',
          }}
        />
      ) : monitoring ? (
        <MonitorBar view={view} />
      ) : (
        <Box p="sm">
          <Alert color="gray" variant="light">
            {closed
              ? t('conversation.closedNotice')
              : conversation.state === 'queued'
                ? t('conversation.queuedNotice')
                : t('conversation.notYours', {
                    name: view.owner?.name ?? t('conversation.unknownAgent'),
                  })}
          </Alert>
        </Box>
      )}
      <TemplatePicker
        opened={templatesOpen}
        templates={templates}
        onClose={() => {
          setTemplatesOpen(false);
        }}
        onSend={sendTemplate}
        contactName={view.contact?.name ?? null}
      />
    </Stack>
  );
}
