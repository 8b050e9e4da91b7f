import { z } from 'zod';
import { normalisePhone } from '@atendo/shared/phone';
import type { ContactFields } from '@atendo/shared/schemas/contact';

export type ContactFormValues = { name: string; phones: string[]; emails: string[] };

export type ContactFormErrors = {
  name: 'nameRequired' | null;
  phones: ('phoneInvalid' | null)[];
  emails: ('emailInvalid' | null)[];
};

export type ContactFormResult =
  | { ok: true; fields: Pick<ContactFields, 'name' | 'phones' | 'emails'> }
  | { ok: false; errors: ContactFormErrors };

const Email = z.email();

/**
 * Checks the form and normalises every phone number to E.164 with the shared rule, so what is
 * saved is what the channels use; blank rows are ignored rather than refused.
 */
export function validateContactForm(
  values: ContactFormValues,
  defaultCountry = 'BR',
): ContactFormResult {
  const name = values.name.trim();
  const phones = values.phones.map((p) => p.trim()).filter((p) => p !== '');
  const emails = values.emails.map((e) => e.trim()).filter((e) => e !== '');
  const normalised = phones.map((p) => normalisePhone(p, defaultCountry));
  const errors: ContactFormErrors = {
    name: name === '' ? 'nameRequired' : null,
    phones: normalised.map((d) => (d.ok ? null : 'phoneInvalid')),
    emails: emails.map((e) => (Email.safeParse(e).success ? null : 'emailInvalid')),
  };
  const valid =
    errors.name === null &&
    errors.phones.every((e) => e === null) &&
    errors.emails.every((e) => e === null);
  if (!valid) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name,
      phones: [...new Set(normalised.flatMap((d) => (d.ok ? [d.e164] : [])))],
      emails,
    },
  };
}
