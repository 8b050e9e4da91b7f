import { describe, expect, it } from 'vitest';
import { canAnswerCsat, csatPrompt, parseCsatAnswer } from './csat';

describe('csatPrompt', () => {
  it.each([
    ['pt-BR', /nota de 1 .* a 5/],
    ['en', /score from 1 .* to 5/],
  ] as const)('%s asks for a 1–5 score', (locale, pattern) => {
    expect(csatPrompt(locale)).toMatch(pattern);
  });
});

describe('parseCsatAnswer', () => {
  it.each([
    ['5', 5, null],
    [' 1 ', 1, null],
    ['5 ótimo atendimento', 5, 'ótimo atendimento'],
    ['nota 4', 4, null],
    ['Nota: 3 - demorou um pouco', 3, 'demorou um pouco'],
    ['NOTA 2', 2, null],
    ['4/5', 4, null],
    ['3 de 5, resolveu', 3, 'resolveu'],
    ['5!!! Muito bom', 5, 'Muito bom'],
    ['score 5 great', 5, 'great'],
    ['2\nnão resolveu meu problema', 2, 'não resolveu meu problema'],
    ['⭐⭐⭐⭐', 4, null],
    ['⭐⭐⭐⭐⭐ perfeito', 5, 'perfeito'],
    ['⭐\uFE0F⭐\uFE0F⭐\uFE0F', 3, null],
  ])('%o → %d, %o', (text, score, comment) => {
    expect(parseCsatAnswer(text)).toEqual({ score, comment });
  });

  it.each([
    '',
    'obrigado',
    '0',
    '6',
    '10',
    '55',
    '4.5',
    '2024 foi bom',
    'nota dez',
    '⭐⭐⭐⭐⭐⭐',
  ])('%o is not an answer', (text) => {
    expect(parseCsatAnswer(text)).toBeNull();
  });

  it('keeps at most 1000 characters of comment', () => {
    expect(parseCsatAnswer(`5 ${'a'.repeat(1500)}`)?.comment).toHaveLength(1000);
  });
});

describe('canAnswerCsat', () => {
  const deadline = 10_000;
  it.each([
    ['awaiting_csat', deadline, 9_999, true],
    ['awaiting_csat', null, 9_999_999, true],
    ['awaiting_csat', deadline, deadline, false],
    ['closed', deadline, 1, false],
    ['active', null, 1, false],
  ] as const)('%s, deadline %s, at %d → %s', (state, csatDeadline, now, ok) => {
    expect(canAnswerCsat({ state, csatDeadline }, now)).toEqual(
      ok
        ? { ok: true }
        : { ok: false, reason: 'csat-not-pending', details: { state, csatDeadline } },
    );
  });
});
