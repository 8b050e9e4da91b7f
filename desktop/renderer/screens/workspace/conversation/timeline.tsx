import { Center, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../../../store/local-schemas';
import { systemEventText, type NameLookup } from '../../../i18n/system-event-text';
import { MessageBubble } from './message-bubble';
import { OutboxBubble } from './outbox-bubble';

export type TimelineProps = {
  messages: readonly DeepReadonly<Message>[];
  outbox: readonly OutboxRecord[];
  names: NameLookup;
  myId: string;
  now: number;
  onRetry?: (id: string) => void;
  onDiscard?: (id: string) => void;
  onSendTemplate?: () => void;
};

/** Messages oldest first, system events as centred lines, undelivered messages at the end. */
export function Timeline(props: TimelineProps) {
  const { t } = useTranslation();
  const { messages, outbox, names, myId, now } = props;
  const endRef = useRef<HTMLDivElement>(null);
  const count = messages.length + outbox.length;
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const authorOf = (m: DeepReadonly<Message>): string | null => {
    if (m.direction !== 'outbound') return null;
    if (m.authorAgentId === null) return null;
    return m.authorAgentId === myId ? t('conversation.you') : names.agent(m.authorAgentId);
  };

  return (
    <Stack gap="xs" p="md" role="log" aria-label={t('conversation.timeline')} aria-live="polite">
      {messages.map((m) =>
        m.system !== null ? (
          <Center key={m.id} data-testid="system-event" data-type={m.system.type}>
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
        ) : (
          <MessageBubble
            key={m.id}
            message={m}
            authorName={authorOf(m)}
            now={now}
            onSendTemplate={props.onSendTemplate}
          />
        ),
      )}
      {outbox.map((item) => (
        <OutboxBubble
          key={item.id}
          item={item}
          onRetry={props.onRetry ?? noop}
          onDiscard={props.onDiscard ?? noop}
          onSendTemplate={props.onSendTemplate ?? noop}
        />
      ))}
      <div ref={endRef} />
    </Stack>
  );
}

const noop = (): void => undefined;
