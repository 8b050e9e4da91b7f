import { describe, expect, it } from 'vitest';
import { reachOf, type OtherChannelItem, type Reach } from './other-channels';

type Readable = Extract<OtherChannelItem, { readable: true }>;
const item = (over: Partial<Readable>): Readable => ({
  readable: true,
  id: 'conv-1',
  channelId: 'channel-webchat',
  state: 'active',
  teamId: 'team-vendas',
  ownerId: null,
  ownerName: null,
  ...over,
});

describe('reachOf', () => {
  it.each<[string, OtherChannelItem, boolean, Reach]>([
    [
      'in the store: open',
      item({ ownerId: 'agent-bruno', ownerName: 'Bruno' }),
      true,
      { kind: 'open' },
    ],
    ['queued in the store: open', item({ state: 'queued' }), true, { kind: 'open' }],
    [
      'served by someone else',
      item({ ownerId: 'agent-bruno', ownerName: 'Bruno Lima' }),
      false,
      { kind: 'served-by-other', ownerName: 'Bruno Lima' },
    ],
    ['ours, not synced yet', item({ ownerId: 'agent-ana' }), false, { kind: 'syncing' }],
    [
      "another team's queue",
      item({ state: 'queued', teamId: 'team-vendas' }),
      false,
      { kind: 'other-queue', teamId: 'team-vendas' },
    ],
    ['with the bot', item({ state: 'bot' }), false, { kind: 'bot' }],
    ['awaiting the survey', item({ state: 'awaiting_csat' }), false, { kind: 'awaiting-csat' }],
    ['active without owner', item({ state: 'active' }), false, { kind: 'syncing' }],
    [
      'not readable: who holds it, nothing else',
      { readable: false, channelId: 'channel-webchat', ownerName: 'Diego Alves' },
      false,
      { kind: 'not-yours', ownerName: 'Diego Alves' },
    ],
    [
      'not readable and unowned',
      { readable: false, channelId: 'channel-webchat', ownerName: null },
      false,
      { kind: 'not-yours', ownerName: null },
    ],
  ])('%s', (_name, conversation, local, expected) => {
    expect(reachOf(conversation, local, 'agent-ana')).toEqual(expected);
  });
});
