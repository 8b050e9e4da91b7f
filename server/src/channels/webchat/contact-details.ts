import type { Locale } from '@atendo/shared/schemas/common';
import { loadContact } from '../../repo/contacts';
import { writeContact } from '../../services/contact-writer';
import { inTransaction, type Deps } from '../../services/deps';
import { LOCALE_FIELD } from '../conversation-flow/flow-store';

/**
 * Completes the contact with what the visitor typed in the widget's form: the inbound pipeline
 * knows only the display name, and the e-mail is what lets agents recognise the visitor later.
 * The language is kept so automatic messages (CSAT question) speak the visitor's language.
 */
export async function completeVisitorContact(
  deps: Deps,
  input: { contactId: string; email: string; locale: Locale },
): Promise<void> {
  const email = input.email.toLowerCase();
  await inTransaction(deps, async (trx) => {
    const contact = await loadContact(trx, input.contactId);
    if (!contact) return;
    const knowsEmail = contact.emails.some((e) => e.toLowerCase() === email);
    const knowsLocale = contact.customFields[LOCALE_FIELD] === input.locale;
    if ((knowsEmail || contact.emails.length >= 10) && knowsLocale) return;
    const after = {
      ...contact,
      emails:
        knowsEmail || contact.emails.length >= 10 ? contact.emails : [...contact.emails, email],
      customFields: { ...contact.customFields, [LOCALE_FIELD]: input.locale },
      updatedAt: deps.clock.now(),
      version: contact.version + 1,
    };
    await writeContact(trx, contact, after);
  });
}
