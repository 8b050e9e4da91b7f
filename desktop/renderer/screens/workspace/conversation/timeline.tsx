import { Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../../../store/local-schemas';
import type { NameLookup } from '../../../i18n/system-event-text';
import { TimelineEntry, type TimelineEntryActions } from './timeline-entry';

export type TimelineProps = TimelineEntryActions & {
  messages: readonly DeepReadonly<Message>[];
  outbox: readonly OutboxRecord[];
  names: NameLookup;
  myId: string;
  now: number;
};

/**
 * Every message rendered at once, oldest first, undelivered ones at the end, the parent scrolled
 * to the end: for a bounded list inside a scrolling parent, such as a past conversation in the
 * history drawer. The open conversation uses `VirtualTimeline`, which mounts only what is on
 * screen.
 */
export function Timeline(props: TimelineProps) {
  const { t } = useTranslation();
  const { messages, outbox, ...common } = props;
  const endRef = useRef<HTMLDivElement>(null);
  const count = messages.length + outbox.length;
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  return (
    <Stack gap="xs" p="md" role="log" aria-label={t('conversation.timeline')} aria-live="polite">
      {messages.map((m) => (
        <TimelineEntry key={m.id} kind="message" message={m} {...common} />
      ))}
      {outbox.map((item) => (
        <TimelineEntry key={item.id} kind="outbox" item={item} {...common} />
      ))}
      <div ref={endRef} />
    </Stack>
  );
}
