import { Center, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ConversationRowData } from './conversation-rows';
import { ConversationRow } from './conversation-row';

export type VirtualConversationListProps = {
  rows: readonly ConversationRowData[];
  selectedId: string | null;
  takingId: string | null;
  now: number;
  emptyText: string;
  label: string;
  onActivate: (row: ConversationRowData) => void;
};

/**
 * Only the rows on screen are in the DOM: a supervisor's queue can hold thousands, and keeping
 * them all rendered is how desktop clients end up using gigabytes after a day.
 */
export function VirtualConversationList(props: VirtualConversationListProps) {
  const { rows, selectedId, takingId, now, emptyText, label, onActivate } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 92,
    overscan: 6,
    getItemKey: (index) => rows[index]?.conversation.id ?? index,
  });
  if (rows.length === 0) {
    return (
      <Center p="xl" style={{ flex: 1 }}>
        <Text c="dimmed" size="sm" ta="center">
          {emptyText}
        </Text>
      </Center>
    );
  }
  return (
    <div ref={parentRef} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
      <div
        role="list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              }}
            >
              <ConversationRow
                row={row}
                now={now}
                selected={row.conversation.id === selectedId}
                busy={row.conversation.id === takingId}
                onActivate={onActivate}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
