import { describe, expect, it } from 'vitest';
import type { FeedCollection } from './collections';
import type { AudienceHit } from './feed-reads';
import { changeEvents, routeHits } from './routing';
import { SyncDocumentCache } from './visibility';
import { keysOfCollection } from './collections';

const hit = (
  seq: number,
  docId: string,
  key: string,
  granted: boolean,
  collection: FeedCollection = 'conversation',
): AudienceHit => ({
  seq,
  collection,
  docId,
  key,
  granted,
});

// A transfer from Ana to Diego: first granted to Ana, then revoked from her and granted to him.
const transfer = [
  hit(1, 'c1', 'agent:ana', true),
  hit(1, 'c1', 'monitor', true),
  hit(2, 'c1', 'agent:diego', true),
  hit(2, 'c1', 'monitor', true),
  hit(2, 'c1', 'agent:ana', false),
];

describe('routeHits', () => {
  it.each([
    ['the old owner gets a removal', ['all', 'agent:ana'], { seq: 2, granted: false }],
    ['the new owner gets the document', ['all', 'agent:diego'], { seq: 2, granted: true }],
    [
      'a supervisor keeps it through monitor',
      ['agent:carla', 'monitor'],
      { seq: 2, granted: true },
    ],
    ['an outsider gets nothing', ['all', 'agent:bruno'], undefined],
  ])('%s', (_, keys, expected) => {
    const [route] = routeHits(transfer, [{ keys: new Set(keys) }]);
    const entry = route?.get('conversation/c1');
    expect(entry === undefined ? undefined : { seq: entry.seq, granted: entry.granted }).toEqual(
      expected,
    );
  });

  it('keeps one entry per document, whatever the order hits arrive in', () => {
    const [route] = routeHits([...transfer].reverse(), [{ keys: new Set(['agent:ana']) }]);
    expect([...(route?.values() ?? [])]).toEqual([
      expect.objectContaining({ seq: 2, granted: false }),
    ]);
  });
});

describe('changeEvents', () => {
  it('groups documents by replicated collection and skips documents that vanished', () => {
    const [route] = routeHits(
      [
        hit(3, 'a1', 'all', true, 'agent'),
        hit(4, 't1', 'all', true, 'team'),
        hit(5, 'g1', 'all', true, 'tag'),
      ],
      [{ keys: new Set(['all']) }],
    );
    const team = {
      id: 'team:t1',
      type: 'team' as const,
      updatedAt: 1,
      team: {
        id: 't1',
        name: 'T',
        settings: { dispositionRequired: false, csatEnabled: false, csatTimeoutMs: 60_000 },
        updatedAt: 1,
      },
    };
    const events = changeEvents(
      route ?? new Map(),
      new SyncDocumentCache(new Map([['team/t1', team]])),
      {
        seq: 5,
        epoch: 'e',
      },
    );
    expect(events).toEqual([
      {
        type: 'changes',
        collection: 'directory',
        documents: [{ ...team, _deleted: false }],
        checkpoint: { seq: 5, epoch: 'e' },
      },
    ]);
  });
});

describe('keysOfCollection', () => {
  const keys = [
    'all',
    'agent:ana',
    'queue:suporte',
    'team:suporte',
    'history:suporte',
    'history-all',
    'monitor',
  ];
  it.each([
    ['conversations', ['agent:ana', 'queue:suporte', 'history:suporte', 'history-all', 'monitor']],
    ['contacts', ['all']],
    ['templates', ['all', 'team:suporte']],
    ['tags', ['team:suporte']],
    ['directory', ['all']],
  ] as const)('%s walks %j', (collection, expected) => {
    expect(keysOfCollection(collection, keys)).toEqual(expected);
  });
});
