import { describe, expect, it } from 'vitest';
import {
  LOAD_OLDER_MARGIN,
  messageWindow,
  reactToEdgeChange,
  shouldLoadOlder,
  timelineRows,
  type EdgeChange,
  type EdgeReaction,
  type LoadOlderInput,
} from './timeline-scroll';

const message = (id: string, over: { clientId?: string; author?: string } = {}) => ({
  id,
  clientId: over.clientId ?? null,
  direction: over.author === undefined ? 'inbound' : 'outbound',
  authorAgentId: over.author ?? null,
});

describe('timelineRows', () => {
  it('puts pending sends after the messages and keys delivered sends by their client id', () => {
    const rows = timelineRows(
      [
        message('m1'),
        message('m2', { clientId: 'c1', author: 'ana' }),
        message('m3', { author: 'bruno' }),
      ],
      [{ id: 'c2' }],
      'ana',
    );
    expect(rows.map((r) => [r.kind, r.key, r.mine])).toEqual([
      ['message', 'm1', false],
      ['message', 'c1', true],
      ['message', 'm3', false],
      ['outbox', 'c2', true],
    ]);
  });
});

describe('messageWindow', () => {
  it.each([
    { fetched: [], limit: 3, shown: [], hasOlder: false },
    { fetched: [1, 2], limit: 3, shown: [1, 2], hasOlder: false },
    { fetched: [1, 2, 3], limit: 3, shown: [1, 2, 3], hasOlder: false },
    { fetched: [1, 2, 3, 4], limit: 3, shown: [2, 3, 4], hasOlder: true },
  ])('$fetched with limit $limit shows $shown', ({ fetched, limit, shown, hasOlder }) => {
    expect(messageWindow(fetched, limit)).toEqual({ messages: shown, hasOlder });
  });
});

describe('shouldLoadOlder', () => {
  const near: LoadOlderInput = {
    firstVisibleIndex: LOAD_OLDER_MARGIN,
    hasOlder: true,
    loading: false,
  };
  it.each<[string, Partial<LoadOlderInput>, boolean]>([
    ['the agent scrolled near the top', {}, true],
    ['the agent scrolled to the very top', { firstVisibleIndex: 0 }, true],
    ['the first visible row is further down', { firstVisibleIndex: LOAD_OLDER_MARGIN + 1 }, false],
    ['nothing older exists', { hasOlder: false }, false],
    ['a page is already loading', { loading: true }, false],
  ])('%s → %s', (_name, over, expected) => {
    expect(shouldLoadOlder({ ...near, ...over })).toBe(expected);
  });
});

describe('reactToEdgeChange', () => {
  const base: EdgeChange = {
    prevLastKey: 'a',
    nextLastKey: 'b',
    wasAtEnd: false,
    lastIsMine: false,
    unseen: false,
  };
  it.each<[string, Partial<EdgeChange>, EdgeReaction]>([
    ['first rows of a conversation', { prevLastKey: null }, { scrollToEnd: true, unseen: false }],
    [
      'no rows at all',
      { prevLastKey: null, nextLastKey: null },
      { scrollToEnd: false, unseen: false },
    ],
    ['new message while reading the end', { wasAtEnd: true }, { scrollToEnd: true, unseen: false }],
    ['contact writes while the agent reads older ones', {}, { scrollToEnd: false, unseen: true }],
    [
      'the agent sends while scrolled up',
      { lastIsMine: true },
      { scrollToEnd: true, unseen: false },
    ],
    [
      'older messages prepended, notice off',
      { nextLastKey: 'a' },
      { scrollToEnd: false, unseen: false },
    ],
    [
      'older messages prepended, notice kept',
      { nextLastKey: 'a', unseen: true },
      { scrollToEnd: false, unseen: true },
    ],
    [
      'another new one while the notice shows',
      { unseen: true },
      { scrollToEnd: false, unseen: true },
    ],
  ])('%s', (_name, over, expected) => {
    expect(reactToEdgeChange({ ...base, ...over })).toEqual(expected);
  });
});
