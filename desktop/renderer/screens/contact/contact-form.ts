import { z } from 'zod';
import { normalisePhone } from '@atendo/shared/phone';
import { storableLine } from '@atendo/shared/rules/storable-text';
import { CONTACT_LIMITS, type ContactFields } from '@atendo/shared/schemas/contact';

export type ContactFormValues = { name: string; phones: string[]; emails: string[] };

export type ContactFormErrors = {
  name: 'nameRequired' | 'nameTooLong' | null;
  phones: ('phoneInvalid' | null)[];
  emails: ('emailInvalid' | 'emailTooLong' | null)[];
  /** Too many rows of a list (the schema's maximum). */
  lists: { phones: 'tooManyPhones' | null; emails: 'tooManyEmails' | null };
};

export type ContactFormResult =
  | { ok: true; fields: Pick<ContactFields, 'name' | 'phones' | 'emails'> }
  | { ok: false; errors: ContactFormErrors };

const Email = z.email();

const nameError = (name: string): ContactFormErrors['name'] =>
  name === '' ? 'nameRequired' : name.length > CONTACT_LIMITS.name ? 'nameTooLong' : null;

const emailError = (email: string): ContactFormErrors['emails'][number] =>
  email.length > CONTACT_LIMITS.email
    ? 'emailTooLong'
    : Email.safeParse(email).success
      ? null
      : 'emailInvalid';

/**
 * Checks the form against the same limits as the shared contact schema (a 369-character name
 * is refused here, with the field's error, not by the server later) and normalises every phone
 * number to E.164 with the shared rule, so what is saved is what the channels use; blank rows
 * are ignored rather than refused.
 */
export function validateContactForm(
  values: ContactFormValues,
  defaultCountry = 'BR',
): ContactFormResult {
  // As the server stores it: no controls or bidi overrides (shared rules/storable-text).
  const name = storableLine(values.name);
  const phones = values.phones.map((p) => p.trim()).filter((p) => p !== '');
  const emails = values.emails.map((e) => e.trim()).filter((e) => e !== '');
  const normalised = phones.map((p) => normalisePhone(p, defaultCountry));
  const unique = [...new Set(normalised.flatMap((d) => (d.ok ? [d.e164] : [])))];
  const errors: ContactFormErrors = {
    name: nameError(name),
    phones: normalised.map((d) => (d.ok ? null : 'phoneInvalid')),
    emails: emails.map(emailError),
    lists: {
      phones: unique.length > CONTACT_LIMITS.phones ? 'tooManyPhones' : null,
      emails: emails.length > CONTACT_LIMITS.emails ? 'tooManyEmails' : null,
    },
  };
  const valid =
    errors.name === null &&
    errors.phones.every((e) => e === null) &&
    errors.emails.every((e) => e === null) &&
    errors.lists.phones === null &&
    errors.lists.emails === null;
  if (!valid) return { ok: false, errors };
  return { ok: true, fields: { name, phones: unique, emails } };
}
