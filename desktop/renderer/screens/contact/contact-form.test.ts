import { describe, expect, it } from 'vitest';
import { validateContactForm } from './contact-form';

describe('validateContactForm', () => {
  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['+55 21 98765-0002', '+5521987650002'],
    ['11987654321', '+5511987654321'],
  ])('normalises %s to %s', (typed, e164) => {
    const result = validateContactForm({ name: 'Maria', phones: [typed], emails: [] });
    expect(result).toEqual({ ok: true, fields: { name: 'Maria', phones: [e164], emails: [] } });
  });

  it('explains every invalid field at once', () => {
    const result = validateContactForm({
      name: '  ',
      phones: ['123', '(11) 98765-4321'],
      emails: ['nope'],
    });
    expect(result).toEqual({
      ok: false,
      errors: { name: 'nameRequired', phones: ['phoneInvalid', null], emails: ['emailInvalid'] },
    });
  });

  it('ignores blank rows and duplicate numbers', () => {
    const result = validateContactForm({
      name: 'Ana',
      phones: ['', '11987654321', '(11) 98765-4321'],
      emails: [' '],
    });
    expect(result).toEqual({
      ok: true,
      fields: { name: 'Ana', phones: ['+5511987654321'], emails: [] },
    });
  });
});
