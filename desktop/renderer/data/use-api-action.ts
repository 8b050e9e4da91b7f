import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError, type ApiFailure } from '../api/api-error';
import { errorText } from '../i18n/error-text';
import { useNotify } from '../ui/notices';
import { useNames } from './use-names';

/**
 * Runs one server action with a pending flag; a refusal becomes a sentence in the agent's
 * language (ids in the details turned into names) and is shown where the action was.
 */
export function useApiAction() {
  const { t } = useTranslation();
  const names = useNames();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const describe = useCallback(
    (f: ApiFailure): string => {
      if (f.kind !== 'atendo') return errorText(t, f);
      const ownerId = f.details.ownerId;
      const ownerName =
        f.details.ownerName ?? (typeof ownerId === 'string' ? names.agent(ownerId) : null);
      return errorText(t, { ...f, details: { ...f.details, ownerName } });
    },
    [t, names],
  );

  const attempt = async <T>(
    action: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; failure: ApiFailure }> => {
    setPending(true);
    setFailure(null);
    try {
      return { ok: true, value: await action() };
    } catch (error) {
      const described = describeApiError(error);
      setFailure(described);
      return { ok: false, failure: described };
    } finally {
      setPending(false);
    }
  };

  /** For dialogs: the failure is shown inside the dialog through `failureText`. */
  const run = async <T>(action: () => Promise<T>, success?: string): Promise<T | null> => {
    const outcome = await attempt(action);
    if (!outcome.ok) return null;
    if (success !== undefined) notify({ tone: 'success', title: success, text: '' });
    return outcome.value;
  };

  /** For menus and one-click actions: a failure becomes a notice titled with the action. */
  const runOrNotify = async <T>(action: () => Promise<T>, title: string): Promise<T | null> => {
    const outcome = await attempt(action);
    if (outcome.ok) return outcome.value;
    notify({ tone: 'error', title, text: describe(outcome.failure) });
    return null;
  };

  return {
    run,
    runOrNotify,
    pending,
    failure,
    failureText: failure === null ? null : describe(failure),
    describe,
    reset: () => {
      setFailure(null);
    },
  };
}
