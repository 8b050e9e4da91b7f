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

  const run = async <T>(action: () => Promise<T>, success?: string): Promise<T | null> => {
    setPending(true);
    setFailure(null);
    try {
      const result = await action();
      if (success !== undefined) notify({ tone: 'success', title: success, text: '' });
      return result;
    } catch (error) {
      setFailure(describeApiError(error));
      return null;
    } finally {
      setPending(false);
    }
  };

  return {
    run,
    pending,
    failure,
    failureText: failure === null ? null : describe(failure),
    describe,
    reset: () => {
      setFailure(null);
    },
  };
}
