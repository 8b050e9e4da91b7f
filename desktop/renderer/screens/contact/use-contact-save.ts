import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFields } from '@atendo/shared/schemas/contact';
import { ERROR_CODES } from '@atendo/shared/errors';
import { errorText } from '../../i18n/error-text';
import { useConnected } from '../../data/use-online';
import { useWorkspace } from '../../data/workspace-context';
import { RefusalError } from '../../store/transport';
import { useNotify } from '../../ui/notices';

/** How long an online save waits for the server before saying it is still on its way. */
const CONFIRM_WAIT_MS = 8_000;

type Edit = Pick<ContactFields, 'name' | 'phones' | 'emails'>;

/**
 * Saves an edit of an existing contact through the outbox and says what really happened:
 * online, "saved" once the server took it, or the server's reason inside the form (the refused
 * edit is then dropped from the outbox, since the form still holds what was typed); offline,
 * that it will be sent when the connection is back.
 */
export function useContactSave(contactId: string) {
  const { t } = useTranslation();
  const { store } = useWorkspace();
  const connected = useConnected();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [failureText, setFailureText] = useState<string | null>(null);

  const reasonOf = (code: string, details: RefusalError['details']): string => {
    const known = ERROR_CODES.find((c) => c === code);
    return known === undefined
      ? t('errors.generic')
      : errorText(t, { kind: 'atendo', code: known, details, message: '' });
  };

  const save = async (fields: Edit): Promise<boolean> => {
    setPending(true);
    setFailureText(null);
    try {
      const record = await store.editContact(contactId, fields);
      if (!connected) {
        notify({
          tone: 'info',
          title: t('contact.saved'),
          text: t('sending.contact.savedOffline'),
        });
        return true;
      }
      const outcome = await store.outboxOutcome(record.id, CONFIRM_WAIT_MS);
      if (outcome.state === 'failed') {
        setFailureText(reasonOf(outcome.failure.code, outcome.failure.details));
        await store.dismissOutboxItem(record.id);
        return false;
      }
      const text = outcome.state === 'pending' ? t('sending.contact.savedWaiting') : '';
      notify({ tone: 'success', title: t('contact.saved'), text });
      return true;
    } catch (error) {
      setFailureText(
        error instanceof RefusalError ? reasonOf(error.code, error.details) : t('errors.generic'),
      );
      return false;
    } finally {
      setPending(false);
    }
  };

  return { save, pending, failureText };
}
