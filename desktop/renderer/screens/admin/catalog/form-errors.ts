import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiFailure } from '../../../api/api-error';

/** A form's problems by input field, each a sentence in the admin's language. */
export type FieldErrors = Partial<Record<string, string>>;

/** Fields whose format rule deserves its own sentence (the shared schemas' regexes). */
const FORMAT_KEYS = {
  name: 'adminCatalog.field.templateName',
  color: 'adminCatalog.field.color',
  shortcut: 'adminCatalog.field.shortcut',
} as const;

/**
 * The shared zod schema's verdict on a form, by field: the same rule the server applies, so
 * most mistakes are caught before the call and said next to the input.
 */
export function zodFieldErrors(t: TFunction, error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field] !== undefined) continue;
    errors[field] = issueText(t, field, issue);
  }
  return errors;
}

function issueText(t: TFunction, field: string, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return t('adminCatalog.field.required');
    case 'too_big':
      return t('adminCatalog.field.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return field in FORMAT_KEYS
        ? t(FORMAT_KEYS[field as keyof typeof FORMAT_KEYS])
        : t('adminCatalog.field.invalid');
    default:
      return t('adminCatalog.field.invalid');
  }
}

/**
 * The server's typed refusal placed on the input it names (`details.field`), so a duplicate
 * name is said under the name; a refusal naming no field stays a form-wide message.
 */
export function serverFieldErrors(
  failure: ApiFailure | null,
  text: string | null,
  fields: readonly string[],
): FieldErrors {
  if (failure === null || text === null) return {};
  const field =
    failure.kind === 'atendo' && typeof failure.details.field === 'string'
      ? failure.details.field.split('.')[0]
      : undefined;
  return { [field !== undefined && fields.includes(field) ? field : 'form']: text };
}
