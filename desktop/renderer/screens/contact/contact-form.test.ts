import { describe, expect, it } from 'vitest';
import { ContactFields } from '@atendo/shared/schemas/contact';
import { validateContactForm } from './contact-form';

const NO_LIST_ERRORS = { phones: null, emails: null };

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
      errors: {
        name: 'nameRequired',
        phones: ['phoneInvalid', null],
        emails: ['emailInvalid'],
        lists: NO_LIST_ERRORS,
      },
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

  it('refuses what the schema refuses: a 369-character name, a 255-character e-mail, 11 phones', () => {
    const phones = Array.from(
      { length: 11 },
      (_, i) => `(11) 98765-43${String(i).padStart(2, '0')}`,
    );
    const result = validateContactForm({
      name: 'N'.repeat(369),
      phones,
      emails: [`${'a'.repeat(243)}@example.com`],
    });
    expect(result).toMatchObject({
      ok: false,
      errors: {
        name: 'nameTooLong',
        emails: ['emailTooLong'],
        lists: { phones: 'tooManyPhones', emails: null },
      },
    });
  });

  it('whatever it accepts, the shared schema accepts', () => {
    const result = validateContactForm({
      name: 'N'.repeat(200),
      phones: ['(11) 98765-4321'],
      emails: ['maria@example.com'],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const fields = { ...result.fields, addresses: [], customFields: {} };
      expect(ContactFields.safeParse(fields).success).toBe(true);
    }
  });

  it('cleans the name as the server stores it: no NUL, controls or bidi overrides', () => {
    const result = validateContactForm({
      name: 'Ro\u0000sa \u202Eexe.fdp',
      phones: [],
      emails: [],
    });
    expect(result).toMatchObject({ ok: true, fields: { name: 'Rosa exe.fdp' } });
    const empty = validateContactForm({ name: '\u202E\u0000', phones: [], emails: [] });
    expect(empty).toMatchObject({ ok: false, errors: { name: 'nameRequired' } });
  });
});
