import { Box, Button, Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../../../store/local-schemas';
import type { NameLookup } from '../../../i18n/system-event-text';
import { TimelineEntry, type TimelineEntryActions } from './timeline-entry';
import { timelineRows, type TimelineRow } from './timeline-scroll';
import { useTimelineScroll } from './use-timeline-scroll';

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

type Row = TimelineRow<DeepReadonly<Message>, OutboxRecord>;

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
  const keys = useMemo(() => rows.map((row) => row.key), [rows]);
  const { scrollRef, virtualizer, unseen, onScroll, showNewest } = useTimelineScroll({
    keys,
    lastIsMine: rows[rows.length - 1]?.mine ?? false,
    estimateSize: (index) => (isSystemRow(rows[index]) ? 28 : 76),
    hasOlder,
    loadingOlder,
    onLoadOlder,
  });
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
                style={{ ...ROW_STYLE, transform: `translateY(${virtual.start}px)` }}
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
      <TimelineOverlays loadingOlder={loadingOlder} unseen={unseen} onShowNewest={showNewest} />
    </Box>
  );
}

/** Over the list: a spinner while an older page loads, the way back to new messages. */
function TimelineOverlays(props: {
  loadingOlder: boolean;
  unseen: boolean;
  onShowNewest: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.loadingOlder && (
        <Center pos="absolute" top={8} left={0} right={0} style={{ pointerEvents: 'none' }}>
          <Loader size="xs" aria-label={t('conversation.loadingOlder')} />
        </Center>
      )}
      {props.unseen && (
        <Center pos="absolute" bottom={12} left={0} right={0} style={{ pointerEvents: 'none' }}>
          <Button
            size="xs"
            radius="xl"
            rightSection={<span aria-hidden="true">↓</span>}
            onClick={props.onShowNewest}
            data-testid="new-messages"
            style={{ pointerEvents: 'auto' }}
          >
            {t('conversation.newMessages')}
          </Button>
        </Center>
      )}
    </>
  );
}

const ROW_STYLE = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: '100%',
  padding: '0 var(--mantine-spacing-md)',
} as const;

const isSystemRow = (row: Row | undefined): boolean =>
  row?.kind === 'message' && row.message.system !== null;
