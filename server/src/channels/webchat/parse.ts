import type { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';

/** Validates untrusted input, turning a failure into the stable `invalid-input` error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AtendoError('invalid-input', issue?.message ?? 'invalid input', {
      path: issue?.path.join('.') ?? null,
    });
  }
  return result.data;
}
