import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import type { LoginNotice, SessionEndReason } from './sign-out';

const ENDED_KEY = {
  'signed-out': 'signOut.endedElsewhere',
  'session-expired': 'signOut.endedExpired',
  'session-revoked': 'signOut.endedRevoked',
  unknown: 'signOut.endedUnknown',
} as const satisfies Record<SessionEndReason, string>;

/**
 * What the login screen says after "Sair" (above all, when the server session is still open),
 * or, when the server ended the session, why: the agent is never sent here without a word.
 */
export function SignedOutNotice({ outcome }: { outcome: LoginNotice }) {
  const { t, i18n } = useTranslation();
  if ('ended' in outcome) {
    return (
      <Alert color="yellow" variant="light" role="status" data-testid="signed-out-notice">
        {t(ENDED_KEY[outcome.ended])}
      </Alert>
    );
  }
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
