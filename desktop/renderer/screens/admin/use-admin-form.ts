import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useApiAction } from '../../data/use-api-action';
import { useNotify } from '../../ui/notices';
import { errorAt, validate, type FieldErrors, type IssueOverrides } from './form-errors';

/**
 * One admin form's save: the value is checked with the shared schema first (each wrong field
 * says why), then sent in one call. A refusal naming a field (`details.field`, e.g. a duplicate
 * e-mail) lands under that field; a success is also a notice.
 */
export function useAdminForm<S extends z.ZodType>(schema: S, overrides: IssueOverrides = {}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useApiAction();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const failure = action.failure;
  const serverField =
    failure?.kind === 'atendo' && typeof failure.details.field === 'string'
      ? failure.details.field
      : null;
  const errors: FieldErrors =
    serverField !== null && action.failureText !== null
      ? { ...clientErrors, [serverField]: action.failureText }
      : clientErrors;

  const submit = async <T>(
    value: unknown,
    call: (input: z.output<S>) => Promise<T>,
    labels: { success: string },
  ): Promise<T | null> => {
    const checked = validate(t, schema, value, overrides);
    if (!checked.ok) {
      action.reset();
      setClientErrors(checked.errors);
      return null;
    }
    setClientErrors({});
    // A refusal is shown in the form (under its field or at its foot), where the admin looks.
    const result = await action.run(() => call(checked.data));
    if (result !== null) notify({ tone: 'success', title: labels.success, text: '' });
    return result;
  };

  /** Edited fields lose their error until the next save. */
  const clear = (paths: readonly string[]) => {
    const edited = (key: string) => paths.some((p) => key === p || key.startsWith(`${p}.`));
    if (serverField !== null && edited(serverField)) action.reset();
    setClientErrors((current) => {
      if (!Object.keys(current).some(edited)) return current;
      return Object.fromEntries(Object.entries(current).filter(([key]) => !edited(key)));
    });
  };

  return {
    submit,
    clear,
    pending: action.pending,
    errors,
    /** The field's sentence, for `error=` of a Mantine input. */
    error: (path: string) => errorAt(errors, path),
    /** The refusal's sentence when no field shows it (shown at the form's foot). */
    failureText: serverField === null ? action.failureText : null,
    hasErrors: Object.keys(clientErrors).length > 0,
  };
}
