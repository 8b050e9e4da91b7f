import { Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../../../store/local-schemas';
import { systemEventText, type NameLookup } from '../../../i18n/system-event-text';
import { MessageBubble } from './message-bubble';
import { OutboxBubble } from './outbox-bubble';

export type TimelineEntryActions = {
  onRetry?: (id: string) => void;
  onEdit?: (id: string) => void;
  onDiscard?: (id: string) => void;
  onSendTemplate?: () => void;
};

type Common = TimelineEntryActions & { names: NameLookup; myId: string; now: number };

export type TimelineEntryProps = Common &
  ({ kind: 'message'; message: DeepReadonly<Message> } | { kind: 'outbox'; item: OutboxRecord });

/** One line of a timeline: a system event as a centred line, a message, or a pending send. */
export function TimelineEntry(props: TimelineEntryProps) {
  const { t } = useTranslation();
  const { names, myId, now } = props;
  if (props.kind === 'outbox') {
    return (
      <OutboxBubble
        item={props.item}
        onRetry={props.onRetry ?? noop}
        onEdit={props.onEdit ?? noop}
        onDiscard={props.onDiscard ?? noop}
        onSendTemplate={props.onSendTemplate ?? noop}
      />
    );
  }
  const m = props.message;
  if (m.system !== null) {
    return (
      <Center data-testid="system-event" data-type={m.system.type}>
        <Text
          size="xs"
          c="dimmed"
          px="sm"
          py={2}
          style={{ borderRadius: 12, background: 'var(--mantine-color-default-hover)' }}
        >
          {systemEventText(t, m.system, names)}
        </Text>
      </Center>
    );
  }
  // An outbound message without an author was written by Atendo itself: the bot menu, the
  // queue line, the CSAT question. It must not look like an agent's.
  const authorName =
    m.direction !== 'outbound'
      ? null
      : m.authorAgentId === null
        ? t('seat.bot')
        : m.authorAgentId === myId
          ? t('conversation.you')
          : names.agent(m.authorAgentId);
  return (
    <MessageBubble
      message={m}
      authorName={authorName}
      now={now}
      onSendTemplate={props.onSendTemplate}
    />
  );
}

const noop = (): void => undefined;
