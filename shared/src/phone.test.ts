import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneMatches, phoneSpellings } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['+55 (11) 9 8765-4321', 'BR', '+5511987654321'],
    ['011 98765 4321', 'BR', '+5511987654321'],
    ['5511987654321', 'BR', '+5511987654321'],
    ['+551187654321', 'BR', '+551187654321'],
    ['(11) 3333-4444', 'BR', '+551133334444'],
    ['+1 415 555 2671', 'BR', '+14155552671'],
    ['+44 20 7946 0958', 'BR', '+442079460958'],
    ['(213) 373-4253', 'US', '+12133734253'],
    ['+55 11 98765-4321', 'XX', '+5511987654321'],
  ])('%s (default %s) → %s', (input, country, e164) => {
    expect(normalisePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it('reads national numbers as Brazilian by default', () => {
    expect(normalisePhone('(21) 99876-5432')).toEqual({ ok: true, e164: '+5521998765432' });
  });

  it.each([
    ['garbage', 'abc'],
    ['empty', ''],
    ['too short', '123'],
    ['too long', '+55 11 98765-43210'],
    ['letters around digits', 'ligar 11 98765-4321'],
    ['unknown country code', '+999 1234 5678'],
    ['a national number when the default country is unknown', '(11) 98765-4321', 'XX'],
  ])('refuses %s', (_name, input, country = 'BR') => {
    expect(normalisePhone(input, country)).toEqual({
      ok: false,
      reason: 'invalid-input',
      details: { input },
    });
  });
});

describe('phoneMatches', () => {
  it.each([
    ['(11) 98765-4321', '+5511987654321', true],
    ['+55 11 98765-4321', '551187654321', true],
    ['+55 11 98765-4321', '+55 11 98765-4322', false],
    ['+55 11 98765-4321', '+55 21 98765-4321', false],
    ['(11) 3333-4444', '+551133334444', true],
    ['(11) 3333-4444', '+55 11 93333-4444', false],
    ['+1 415 555 2671', '(415) 555-2671', false],
    ['abc', 'abc', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(phoneMatches(a, b)).toBe(same);
    expect(phoneMatches(b, a)).toBe(same);
  });
});

describe('phoneSpellings', () => {
  it.each([
    ['+5541987650004', ['+5541987650004', '+554187650004']],
    ['+554187650004', ['+554187650004', '+5541987650004']],
    // A landline (third digit 2–5) has no ninth-digit variant.
    ['+554133334444', ['+554133334444']],
    ['+14155550100', ['+14155550100']],
  ])('spells %s as %j', (e164, spellings) => {
    expect(phoneSpellings(e164).sort()).toEqual([...spellings].sort());
  });
});
