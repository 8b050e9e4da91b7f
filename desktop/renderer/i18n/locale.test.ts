import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@atendo/shared/errors';
import { pickLocale } from './locale';
import { en } from './locales/en';
import { ptBR, type Messages } from './locales/pt-BR';

describe('pickLocale', () => {
  it.each([
    [['pt-BR'], 'pt-BR'],
    [['pt-PT', 'en-US'], 'pt-BR'],
    [['pt'], 'pt-BR'],
    [['en-US', 'pt-BR'], 'en'],
    [['fr-FR', 'pt-BR'], 'pt-BR'],
    [['fr-FR'], 'en'],
    [[], 'pt-BR'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });
});

const keysOf = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]: [string, unknown]) =>
    typeof child === 'object' && child !== null
      ? keysOf(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

describe('locale resources', () => {
  it('en has exactly the keys of pt-BR', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(ptBR).sort());
  });

  it.each(ERROR_CODES)('error code %s has a sentence in both languages', (code) => {
    const pt: Messages['errors'] = ptBR.errors;
    expect(pt[code].length).toBeGreaterThan(10);
    expect(en.errors[code].length).toBeGreaterThan(10);
    expect(pt[code]).not.toBe(en.errors[code]);
  });
});
