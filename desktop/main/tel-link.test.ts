import { describe, expect, it } from 'vitest';
import { dialLoopsBack, parseTelLink, telScheme } from './tel-link';

describe('parseTelLink: numbers clicked elsewhere and opened with Atendo', () => {
  it.each([
    ['tel:+5511987654321', '+5511987654321', 'tel'],
    ['TEL:+55-11-98765-4321', '+5511987654321', 'tel'],
    ['tel:(11)%2098765-4321', '+5511987654321', 'tel'],
    ['tel:%2B5511987654321', '+5511987654321', 'tel'],
    ['tel:+55.11.98765.4321;ext=123', '+5511987654321', 'tel'],
    ['tel:98765-4321;phone-context=+5511', '+5511987654321', 'tel'],
    ['tel:+5511987654321;phone-context=+1', '+5511987654321', 'tel'],
    ['tel:(11)987654321;phone-context=example.com', '+5511987654321', 'tel'],
    ['callto:+5511987654321', '+5511987654321', 'callto'],
    ['callto://+5511987654321', '+5511987654321', 'callto'],
    ['callto://+5511987654321/', '+5511987654321', 'callto'],
    ['tel:+1-201-555-0123', '+12015550123', 'tel'],
  ])('%s → %s', (raw, number, scheme) => {
    expect(parseTelLink(raw)).toEqual({ ok: true, request: { number, scheme } });
  });

  it('reads a local number with the default country', () => {
    expect(parseTelLink('tel:(212)%20555-0123', 'US')).toEqual({
      ok: true,
      request: { number: '+12125550123', scheme: 'tel' },
    });
  });

  it.each([
    ['another scheme', 'sip:+5511987654321', 'not-a-tel-link'],
    ['an atendo link', 'atendo://call?number=1&event=ringing', 'not-a-tel-link'],
    ['javascript', 'javascript:alert(1)//tel:+5511987654321', 'not-a-tel-link'],
    ['tel with authority', 'tel://+5511987654321', 'unexpected-authority'],
    ['a query', 'tel:+5511987654321?body=x', 'unexpected-characters'],
    ['a fragment', 'tel:+5511987654321#x', 'unexpected-characters'],
    ['a path', 'callto://evil/+5511987654321', 'unexpected-characters'],
    ['credentials', 'callto://user@+5511987654321', 'unexpected-characters'],
    ['encoded slash', 'tel:%2F%2E%2E%2F5511987654321', 'encoded-characters'],
    ['encoded newline', 'tel:+5511987654321%0A--inspect', 'encoded-characters'],
    ['encoded NUL', 'tel:+55119876%0054321', 'encoded-characters'],
    ['raw newline', 'tel:+5511987654321\n--flag', 'control-characters'],
    ['backslash', 'tel:+55\\11987654321', 'control-characters'],
    ['C1 control', 'tel:+55\u008511987654321', 'control-characters'],
    ['broken escape', 'tel:%E0%A4%A', 'bad-percent-encoding'],
    ['huge', `tel:+55${'1'.repeat(400)}`, 'too-long'],
    ['unknown parameter', 'tel:+5511987654321;cmd=calc.exe', 'unexpected-parameter'],
    ['parameter with spaces', 'tel:+5511987654321;ext=1%202', 'unexpected-parameter'],
    ['shell metacharacters', 'tel:+5511987654321%3Bcalc.exe', 'unexpected-parameter'],
    ['quotes', 'tel:%22+5511987654321%22', 'invalid-number'],
    ['ampersand', 'tel:+5511987654321%26calc', 'invalid-number'],
    ['letters', 'tel:1-800-FLOWERS', 'invalid-number'],
    ['fullwidth digits', 'tel:%EF%BC%91%EF%BC%91987654321', 'invalid-number'],
    ['too short', 'tel:12', 'invalid-number'],
    ['empty', 'tel:', 'invalid-number'],
    ['only parameters', 'tel:;ext=1', 'invalid-number'],
  ])('rejects %s', (_name, raw, why) => {
    expect(parseTelLink(raw)).toEqual({ ok: false, reason: 'invalid-input', details: { why } });
  });
});

describe('telScheme', () => {
  it.each([
    ['tel:+55', 'tel'],
    ['CallTo://x', 'callto'],
    ['telnet:x', null],
    ['atendo://call', null],
    ['', null],
  ])('%s → %s', (raw, scheme) => {
    expect(telScheme(raw)).toBe(scheme);
  });
});

describe('dialLoopsBack', () => {
  const ownsTel = (scheme: string) => scheme === 'tel';
  it.each([
    [{ kind: 'uri', uriScheme: 'tel' }, true],
    [{ kind: 'uri', uriScheme: 'sip' }, false],
    [{ kind: 'command', uriScheme: 'tel' }, false],
    [{ kind: 'http', uriScheme: 'tel' }, false],
  ])('%j → %s', (dialer, loops) => {
    expect(dialLoopsBack(dialer, ownsTel)).toBe(loops);
  });
});
