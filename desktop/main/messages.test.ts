import { describe, expect, it } from 'vitest';
import { MAIN_MESSAGES, pickMainLocale, type LocaleInputs } from './messages';

describe('pickMainLocale', () => {
  it.each<[string, LocaleInputs, 'pt-BR' | 'en']>([
    ['Brazilian Windows', { system: ['pt-BR'] }, 'pt-BR'],
    ['Portuguese from Portugal', { system: ['pt-PT', 'en-US'] }, 'pt-BR'],
    ['underscore tags', { system: ['pt_BR'] }, 'pt-BR'],
    ['English macOS', { system: ['en-GB'] }, 'en'],
    ['first known language wins', { system: ['de-DE', 'en-US', 'pt-BR'] }, 'en'],
    ['unknown language only', { system: ['es-AR'] }, 'en'],
    ['no hint at all', { system: [] }, 'pt-BR'],
    ['policy over the system', { policy: 'pt-BR', system: ['en-US'] }, 'pt-BR'],
    ['agent over policy', { agent: 'en', policy: 'pt-BR', system: ['pt-BR'] }, 'en'],
  ])('%s', (_name, inputs, expected) => {
    expect(pickMainLocale(inputs)).toBe(expected);
  });
});

describe('MAIN_MESSAGES', () => {
  it('has every text in both languages, and they differ', () => {
    const pt = MAIN_MESSAGES['pt-BR'];
    const en = MAIN_MESSAGES.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(pt).sort());
    for (const key of Object.keys(pt) as (keyof typeof pt)[]) {
      const left = pt[key];
      const right = en[key];
      const sample = (m: typeof left) => (typeof m === 'function' ? m(2 as never) : m);
      expect(sample(left), key).not.toBe(sample(right));
    }
  });

  it.each([
    ['pt-BR', 1, '1 não lida'],
    ['pt-BR', 3, '3 não lidas'],
    ['en', 1, '1 unread'],
  ] as const)('%s unread(%i) → %s', (locale, n, text) => {
    expect(MAIN_MESSAGES[locale].unread(n)).toBe(text);
  });
});
