import { Box, Button, Center, Loader } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../../../store/local-schemas';
import type { NameLookup } from '../../../i18n/system-event-text';
import { TimelineEntry, type TimelineEntryActions } from './timeline-entry';
import {
  reactToEdgeChange,
  shouldLoadOlder,
  timelineRows,
  type TimelineRow,
} from './timeline-scroll';

export type VirtualTimelineProps = TimelineEntryActions & {
  messages: readonly DeepReadonly<Message>[];
  outbox: readonly OutboxRecord[];
  names: NameLookup;
  myId: string;
  now: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
};

/** Within this many pixels of the end, the agent is reading the latest messages. */
const END_THRESHOLD = 48;

/**
 * The open conversation's timeline. Only the bubbles on screen are mounted: a contact who writes
 * for weeks leaves thousands of messages, and rendering them all makes every new one slow.
 * Older messages load as the agent scrolls to the top, the bubble they were reading staying
 * where it was; a new message follows the end only when the agent was reading the end.
 */
export function VirtualTimeline(props: VirtualTimelineProps) {
  const { t } = useTranslation();
  const { messages, outbox, myId, hasOlder, loadingOlder, onLoadOlder, ...common } = props;
  const rows = useMemo(() => timelineRows(messages, outbox, myId), [messages, outbox, myId]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (isSystemRow(rows[index]) ? 28 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    gap: 8,
    paddingStart: 16,
    paddingEnd: 16,
    // A prepended page keeps the bubble on screen in place; an append follows only at the end.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD,
  });
  const [unseen, setUnseen] = useState(false);
  // Where the agent was as of the last scroll event: read when rows change, before this render's
  // rows have moved anything.
  const atEndRef = useRef(true);
  const lastKeyRef = useRef<string | null>(null);
  const last = rows[rows.length - 1];
  const lastKey = last?.key ?? null;
  const lastIsMine = last?.mine ?? false;

  useLayoutEffect(() => {
    const reaction = reactToEdgeChange({
      prevLastKey: lastKeyRef.current,
      nextLastKey: lastKey,
      wasAtEnd: atEndRef.current,
      lastIsMine,
      unseen,
    });
    lastKeyRef.current = lastKey;
    if (reaction.scrollToEnd) {
      atEndRef.current = true;
      virtualizer.scrollToEnd();
    }
    setUnseen(reaction.unseen);
    // Only a new last row is a decision point; `unseen` is read, not watched.
  }, [lastKey]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (element === null) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    atEndRef.current = distance <= END_THRESHOLD;
    if (atEndRef.current) setUnseen(false);
    const first = virtualizer.getVirtualItemForOffset(element.scrollTop);
    if (shouldLoadOlder({ firstVisibleIndex: first?.index ?? 0, hasOlder, loading: loadingOlder }))
      onLoadOlder();
  };

  const showNewest = () => {
    setUnseen(false);
    virtualizer.scrollToEnd({ behavior: 'smooth' });
  };

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 0 }} bg="var(--mantine-color-default-hover)">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        data-testid="timeline-scroll"
        style={{ position: 'absolute', inset: 0, overflowY: 'auto', overflowAnchor: 'none' }}
      >
        <div
          role="log"
          aria-label={t('conversation.timeline')}
          aria-live="polite"
          aria-busy={loadingOlder}
          style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
        >
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (row === undefined) return null;
            return (
              <div
                key={virtual.key}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  padding: '0 var(--mantine-spacing-md)',
                  transform: `translateY(${virtual.start}px)`,
                }}
              >
                {row.kind === 'message' ? (
                  <TimelineEntry kind="message" message={row.message} myId={myId} {...common} />
                ) : (
                  <TimelineEntry kind="outbox" item={row.item} myId={myId} {...common} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {loadingOlder && (
        <Center pos="absolute" top={8} left={0} right={0} style={{ pointerEvents: 'none' }}>
          <Loader size="xs" aria-label={t('conversation.loadingOlder')} />
        </Center>
      )}
      {unseen && (
        <Center pos="absolute" bottom={12} left={0} right={0} style={{ pointerEvents: 'none' }}>
          <Button
            size="xs"
            radius="xl"
            rightSection={<span aria-hidden="true">↓</span>}
            onClick={showNewest}
            data-testid="new-messages"
            style={{ pointerEvents: 'auto' }}
          >
            {t('conversation.newMessages')}
          </Button>
        </Center>
      )}
    </Box>
  );
}

type Row = TimelineRow<DeepReadonly<Message>, OutboxRecord>;

const isSystemRow = (row: Row | undefined): boolean =>
  row?.kind === 'message' && row.message.system !== null;
