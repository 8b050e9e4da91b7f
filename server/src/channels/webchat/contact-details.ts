import type { Contact } from '@atendo/shared/schemas/contact';
import type { Locale } from '@atendo/shared/schemas/common';
import { loadContact } from '../../repo/contacts';
import { writeContact } from '../../services/contact-writer';
import { inTransaction, type Deps } from '../../services/deps';
import { LOCALE_FIELD } from '../conversation-flow/flow-store';

/**
 * Completes the contact with what the visitor typed in the widget's form: the inbound pipeline
 * knows only the display name, and the e-mail is what lets agents recognise the visitor later.
 * The language is kept so automatic messages (CSAT question) speak the visitor's language.
 * The extra pre-chat answers become custom fields under their keys, only where the contact has
 * none yet: this runs on every message, and an agent's correction must not be undone. A phone
 * answer stays a custom field, never one of the contact's phones: a visitor's unverified
 * number must not attach someone's WhatsApp conversations to this contact.
 */
export async function completeVisitorContact(
  deps: Deps,
  input: {
    contactId: string;
    email: string;
    locale: Locale;
    fields: Readonly<Record<string, string>>;
  },
): Promise<void> {
  const email = input.email.toLowerCase();
  await inTransaction(deps, async (trx) => {
    const contact = await loadContact(trx, input.contactId);
    if (!contact) return;
    const knowsEmail = contact.emails.some((e) => e.toLowerCase() === email);
    const customFields = withAnswers(contact, input.fields, input.locale);
    const sameFields = Object.keys(customFields).every(
      (key) => contact.customFields[key] === customFields[key],
    );
    if ((knowsEmail || contact.emails.length >= 10) && sameFields) return;
    const after = {
      ...contact,
      emails:
        knowsEmail || contact.emails.length >= 10 ? contact.emails : [...contact.emails, email],
      customFields,
      updatedAt: deps.clock.now(),
      version: contact.version + 1,
    };
    await writeContact(trx, contact, after);
  });
}

/** The contact's fields with the answers it lacks, and the visitor's language (which wins). */
function withAnswers(
  contact: Contact,
  answers: Readonly<Record<string, string>>,
  locale: Locale,
): Record<string, string> {
  const missing = Object.entries(answers).filter(([key]) => !(key in contact.customFields));
  return { ...Object.fromEntries(missing), ...contact.customFields, [LOCALE_FIELD]: locale };
}
