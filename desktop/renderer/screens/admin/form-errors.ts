import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A sentence per input path ("email", "settings.csatTimeoutMs", "botMenu.options.1.teamId"). */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Messages that say more than the generic one, by path pattern: `*` stands for a list index
 * (e.g. "webchat.allowedOrigins.*"), so every origin of the list gets the same hint.
 */
export type IssueOverrides = Readonly<Record<string, string>>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const pattern = (path: readonly PropertyKey[]): string =>
  path.map((part) => (typeof part === 'number' ? '*' : String(part))).join('.');

/** One zod issue as a sentence for the admin, in their language. */
export function issueText(t: TFunction, issue: z.core.$ZodIssue, overrides: IssueOverrides = {}) {
  const override = overrides[pattern(issue.path)];
  if (override !== undefined) return override;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('adminPeople.validation.required')
          : t('adminPeople.validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') {
        return t('adminPeople.validation.fewItems', { min: Number(issue.minimum) });
      }
      return t('adminPeople.validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') {
        return t('adminPeople.validation.tooLong', { max: Number(issue.maximum) });
      }
      if (issue.origin === 'array') {
        return t('adminPeople.validation.manyItems', { max: Number(issue.maximum) });
      }
      return t('adminPeople.validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email'
        ? t('adminPeople.validation.email')
        : t('adminPeople.validation.format');
    case 'invalid_type':
      return t('adminPeople.validation.required');
    default:
      return t('adminPeople.validation.invalid');
  }
}

/** Checks a form's value with the shared schema the server uses; the first issue per field. */
export function validate<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  value: unknown,
  overrides: IssueOverrides = {},
): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueText(t, issue, overrides);
  }
  return { ok: false, errors };
}

/** The error of a field, or of any item inside it (a list's "webchat.allowedOrigins.2"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const exact = errors[path];
  if (exact !== undefined) return exact;
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside === undefined ? undefined : errors[inside];
}
