import { describe, expect, it } from 'vitest';
import { checkTextLength, MAX_TEXT_LENGTH, TEXT_LIMITS, textLimitFor } from './text-limits';

describe('text limits', () => {
  it('gives web chat and WhatsApp the 4,096 characters their channels take', () => {
    expect(TEXT_LIMITS.webchat).toBe(4096);
    expect(TEXT_LIMITS.whatsapp).toBe(4096);
    expect(MAX_TEXT_LENGTH).toBe(4096);
    expect(textLimitFor(null)).toBe(MAX_TEXT_LENGTH);
  });

  it.each([
    ['x'.repeat(4096), true],
    [`  ${'x'.repeat(4096)}\n`, true],
    ['x'.repeat(4097), false],
    ['x'.repeat(5300), false],
  ])('a text of %#: fits %s', (text, fits) => {
    const decision = checkTextLength(text, 'webchat');
    expect(decision.ok).toBe(fits);
    if (!decision.ok) {
      expect(decision).toMatchObject({
        reason: 'invalid-input',
        details: { field: 'text', limit: 4096, why: 'too-long' },
      });
    }
  });
});
