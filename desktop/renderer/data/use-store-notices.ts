import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES } from '@atendo/shared/errors';
import { errorText } from '../i18n/error-text';
import { useNotify } from '../ui/notices';
import { useWorkspace } from './workspace-context';

/**
 * What the store reports after the fact: a queued message the server refused, a contact edit
 * that lost to someone else's, or one refused for another reason. Nothing typed is dropped silently.
 */
export function useStoreNotices(): void {
  const { t } = useTranslation();
  const { store } = useWorkspace();
  const notify = useNotify();
  useEffect(() => {
    const subscription = store.notices$.subscribe((notice) => {
      if (notice.type === 'contact-conflict') {
        notify({
          tone: 'error',
          title: t('notify.contactConflict'),
          text: t('notify.contactConflictText', {
            fields: Object.keys(notice.typedFields).join(', '),
          }),
        });
        return;
      }
      const code = ERROR_CODES.find((c) => c === notice.code);
      const reason =
        code === undefined
          ? t('errors.generic')
          : errorText(t, { kind: 'atendo', code, details: notice.details, message: '' });
      if (notice.type === 'contact-refused') {
        notify({
          tone: 'error',
          title: t('sending.contact.refusedTitle'),
          text: t('sending.contact.refused', { reason }),
        });
        return;
      }
      notify({
        tone: 'error',
        title: t('notify.messageRefused'),
        text: reason,
      });
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [store, notify, t]);
}
