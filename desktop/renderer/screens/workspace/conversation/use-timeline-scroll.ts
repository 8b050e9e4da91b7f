import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { reactToEdgeChange, shouldLoadOlder } from './timeline-scroll';

/** Within this many pixels of the end, the agent is reading the latest messages. */
const END_THRESHOLD = 48;

export type TimelineScrollInput = {
  keys: readonly string[];
  /** Whether the last row was sent by this agent: their own send always shows. */
  lastIsMine: boolean;
  estimateSize: (index: number) => number;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
};

/**
 * The timeline's virtualiser and the decisions around it. A prepended page keeps the bubble on
 * screen in place (`anchorTo: 'end'`); a new last row follows the end when the agent was there,
 * and otherwise raises `unseen`; a scroll near the top asks for older messages.
 */
export function useTimelineScroll(input: TimelineScrollInput) {
  const { keys, lastIsMine, hasOlder, loadingOlder, onLoadOlder } = input;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: input.estimateSize,
    getItemKey: (index) => keys[index] ?? index,
    overscan: 8,
    gap: 8,
    paddingStart: 16,
    paddingEnd: 16,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD,
  });
  const [unseen, setUnseen] = useState(false);
  // Where the agent was as of the last scroll event, which is where they were before this
  // render's rows moved anything: the decision below needs the place before the change.
  const atEndRef = useRef(true);
  const lastKeyRef = useRef<string | null>(null);
  const lastKey = keys[keys.length - 1] ?? null;

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
    // Only a new last row is a decision point; the rest is read as of that moment.
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

  return { scrollRef, virtualizer, unseen, onScroll, showNewest };
}
