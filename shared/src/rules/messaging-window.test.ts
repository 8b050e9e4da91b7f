import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../schemas/channel';
import {
  WINDOW_MS,
  WINDOW_SAFETY_MARGIN_MS,
  canSendFreeMessage,
  canSendMessage,
  channelHasWindow,
  customerServiceWindow,
  windowOnOtherNumber,
  type OutboundMessageKind,
} from './messaging-window';

const HOUR = 3_600_000;
const wrote = 1_700_000_000_000;
const edge = wrote + WINDOW_MS - WINDOW_SAFETY_MARGIN_MS;

describe('channelHasWindow', () => {
  it.each<[ChannelKind, boolean]>([
    ['whatsapp', true],
    ['webchat', false],
    ['email', false],
    ['telegram', false],
  ])('%s → %s', (kind, has) => {
    expect(channelHasWindow(kind)).toBe(has);
  });
});

describe('customerServiceWindow', () => {
  it.each<[string, ChannelKind, number | null, number, ReturnType<typeof customerServiceWindow>]>([
    ['web chat has none', 'webchat', null, wrote, { kind: 'none' }],
    ['never wrote', 'whatsapp', null, wrote, { kind: 'closed', closedAt: null }],
    ['just wrote', 'whatsapp', wrote, wrote, { kind: 'open', closesAt: edge }],
    ['23 h later', 'whatsapp', wrote, wrote + 23 * HOUR, { kind: 'open', closesAt: edge }],
    ['one ms before the margin', 'whatsapp', wrote, edge - 1, { kind: 'open', closesAt: edge }],
    ['inside the margin', 'whatsapp', wrote, edge, { kind: 'closed', closedAt: edge }],
    ['25 h later', 'whatsapp', wrote, wrote + 25 * HOUR, { kind: 'closed', closedAt: edge }],
  ])('%s', (_name, channelKind, lastInboundAt, now, expected) => {
    expect(customerServiceWindow({ channelKind, lastInboundAt, now })).toEqual(expected);
  });

  it('closes five minutes before the 24 h mark', () => {
    expect(edge).toBe(wrote + 24 * HOUR - 5 * 60_000);
  });
});

describe('canSendFreeMessage', () => {
  it.each([
    ['web chat', 'webchat', null, wrote, { ok: true, closesAt: null }],
    ['open window', 'whatsapp', wrote, wrote + HOUR, { ok: true, closesAt: edge }],
    [
      'closed window',
      'whatsapp',
      wrote,
      edge,
      { ok: false, reason: 'template-required', details: { closedAt: edge, lastInboundAt: wrote } },
    ],
    [
      'contact never wrote',
      'whatsapp',
      null,
      wrote,
      { ok: false, reason: 'template-required', details: { closedAt: null, lastInboundAt: null } },
    ],
  ] as const)('%s', (_name, channelKind, lastInboundAt, now, expected) => {
    expect(canSendFreeMessage({ channelKind, lastInboundAt, now })).toEqual(expected);
  });
});

describe('canSendMessage', () => {
  it.each<[OutboundMessageKind, number, boolean]>([
    ['template', edge + HOUR, true],
    ['text', edge + HOUR, false],
    ['media', edge + HOUR, false],
    ['text', wrote + HOUR, true],
    ['media', wrote + HOUR, true],
  ])('%s at %d → %s', (messageKind, now, ok) => {
    expect(
      canSendMessage({ channelKind: 'whatsapp', lastInboundAt: wrote, now, messageKind }).ok,
    ).toBe(ok);
  });
});

describe('the window is per business number', () => {
  const now = 1_000_000_000;
  const closed = { kind: 'closed', closedAt: null } as const;
  const other = (channelId: string, channelKind: ChannelKind, minutesAgo: number | null) => ({
    channelId,
    channelKind,
    lastInboundAt: minutesAgo === null ? null : now - minutesAgo * 60_000,
  });

  it('names the other WhatsApp number the contact wrote to most recently, within 24 h', () => {
    const found = windowOnOtherNumber({
      channelId: 'channel-whatsapp',
      window: closed,
      now,
      conversations: [
        other('channel-receptivo', 'whatsapp', 30),
        other('channel-outro', 'whatsapp', 6),
        other('channel-webchat', 'webchat', 1),
        other('channel-whatsapp', 'whatsapp', 2),
      ],
    });
    expect(found).toEqual({ channelId: 'channel-outro', lastInboundAt: now - 6 * 60_000 });
  });

  it.each([
    ['this window is open', { kind: 'open', closesAt: now + 1 } as const, 6],
    ['the other message is older than the window', closed, 24 * 60 + 1],
    ['the contact never wrote elsewhere', closed, null],
  ])('says nothing when %s', (_name, window, minutesAgo) => {
    const conversations = [other('channel-receptivo', 'whatsapp', minutesAgo)];
    expect(
      windowOnOtherNumber({ channelId: 'channel-whatsapp', window, now, conversations }),
    ).toBeNull();
  });
});
