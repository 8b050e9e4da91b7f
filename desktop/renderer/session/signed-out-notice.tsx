import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import type { SignOutOutcome } from './sign-out';

/** What the login screen says after "Sair": above all, when the server session is still open. */
export function SignedOutNotice({ outcome }: { outcome: SignOutOutcome }) {
  const { t, i18n } = useTranslation();
  if (!outcome.serverEnded) {
    const text =
      outcome.expiresAt === null
        ? t('signOut.serverNotEnded')
        : t('signOut.serverNotEndedAt', {
            when: formatDateTime(outcome.expiresAt, i18n.language),
          });
    return (
      <Alert color="yellow" variant="light" data-testid="signed-out-notice">
        {text}
        {outcome.localData === 'erase-failed' && ` ${t('signOut.eraseFailed')}`}
      </Alert>
    );
  }
  if (outcome.localData === 'erase-failed') {
    return (
      <Alert color="red" variant="light" data-testid="signed-out-notice">
        {t('signOut.eraseFailed')}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" data-testid="signed-out-notice">
      {outcome.localData === 'erased' ? t('signOut.doneErased') : t('signOut.done')}
    </Alert>
  );
}
