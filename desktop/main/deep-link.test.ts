import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from './deep-link';

describe('parseDeepLink: screen-pop links from softphones', () => {
  it.each([
    ['atendo://call?number=%2B5511987654321&event=ringing', '+5511987654321', 'ringing'],
    ['atendo://call/?number=11987654321&event=answered', '+5511987654321', 'answered'],
    ['ATENDO://call?number=(11)%2098765-4321&event=ended', '+5511987654321', 'ended'],
  ])('accepts %s', (raw, number, event) => {
    expect(parseDeepLink(raw)).toEqual({
      ok: true,
      link: { kind: 'call', number, event, callId: null },
    });
  });

  it('keeps a well-formed call id so ringing and ended can be matched', () => {
    const r = parseDeepLink('atendo://call?number=11987654321&event=ended&callId=pbx-42.1');
    expect(r).toMatchObject({ ok: true, link: { callId: 'pbx-42.1' } });
  });

  it('opens a conversation by id', () => {
    expect(parseDeepLink('atendo://conversation/c_123')).toEqual({
      ok: true,
      link: { kind: 'conversation', conversationId: 'c_123' },
    });
  });

  it.each([
    ['another scheme', 'https://call?number=11987654321&event=ringing', 'not-an-atendo-link'],
    ['javascript', 'javascript:alert(1)//atendo://call', 'not-an-atendo-link'],
    ['dot segments', 'atendo://call/../?number=11987654321&event=ringing', 'dot-segments'],
    [
      'encoded dot segments',
      'atendo://call/%2e%2e/?number=11987654321&event=ringing',
      'dot-segments',
    ],
    ['a path', 'atendo://call/x?number=11987654321&event=ringing', 'unexpected-path'],
    [
      'a huge string',
      `atendo://call?number=11987654321&event=ringing&x=${'9'.repeat(5000)}`,
      'too-long',
    ],
    [
      'shell injection',
      'atendo://call?number=11987654321%3Bcalc.exe&event=ringing',
      'invalid-number',
    ],
    ['quotes in number', "atendo://call?number=119876%22'54321&event=ringing", 'invalid-number'],
    [
      'unicode digits',
      'atendo://call?number=%EF%BC%91%EF%BC%91987654321&event=ringing',
      'invalid-number',
    ],
    [
      'arabic-indic digits',
      'atendo://call?number=%D9%A1%D9%A1987654321&event=ringing',
      'invalid-number',
    ],
    ['letters', 'atendo://call?number=1-800-FLOWERS&event=ringing', 'invalid-number'],
    ['too short', 'atendo://call?number=12&event=ringing', 'invalid-number'],
    ['empty number', 'atendo://call?number=&event=ringing', 'invalid-number'],
    ['missing event', 'atendo://call?number=11987654321', 'missing-or-unknown-event'],
    ['unknown event', 'atendo://call?number=11987654321&event=hangup', 'missing-or-unknown-event'],
    [
      'repeated number',
      'atendo://call?number=11987654321&number=11999999999&event=ringing',
      'repeated-parameter number',
    ],
    [
      'unknown parameter',
      'atendo://call?number=11987654321&event=ringing&cmd=x',
      'unknown-parameter cmd',
    ],
    [
      'credentials',
      'atendo://user:pw@call?number=11987654321&event=ringing',
      'unexpected-authority',
    ],
    ['a port', 'atendo://call:80?number=11987654321&event=ringing', 'unexpected-authority'],
    ['unknown action', 'atendo://settings?serverUrl=https://evil', 'unknown-action'],
    [
      'control characters',
      'atendo://call?number=11987654321&event=ringing\r\nX: y',
      'control-characters',
    ],
    ['backslashes', 'atendo://call\\..\\?number=11987654321&event=ringing', 'control-characters'],
    [
      'bad call id',
      'atendo://call?number=11987654321&event=ringing&callId=%3Cscript%3E',
      'invalid-call-id',
    ],
    ['conversation with query', 'atendo://conversation/c1?x=1', 'unexpected-query'],
    ['conversation traversal', 'atendo://conversation/a/b', 'invalid-conversation-id'],
  ])('rejects %s', (_name, raw, why) => {
    expect(parseDeepLink(raw)).toEqual({ ok: false, reason: 'invalid-input', details: { why } });
  });
});

describe('findDeepLinkInArgv', () => {
  it.each([
    [
      ['Atendo.exe', '--flag', 'atendo://call?number=1&event=ringing'],
      'atendo://call?number=1&event=ringing',
    ],
    [['Atendo.exe', '--x=atendo://call'], null],
    [['Atendo.exe', 'tel:+5511987654321'], 'tel:+5511987654321'],
    [['/usr/bin/atendo', '--no-sandbox', 'callto://+5511987654321'], 'callto://+5511987654321'],
    [['Atendo.exe', '--x=tel:+5511987654321', 'telnet:host'], null],
    [['Atendo.exe'], null],
  ])('%j → %s', (argv, expected) => {
    expect(findDeepLinkInArgv(argv)).toBe(expected);
  });
});
