import { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';
import { normalisePhone } from '@atendo/shared/phone';
import { storableLine } from '@atendo/shared/rules/storable-text';
import type { PreChatField } from '@atendo/shared/schemas/admin/channels';

/** The longest answer to an extra pre-chat question, as the widget's inputs allow. */
export const MAX_PRECHAT_ANSWER = 200;

/** What the widget sends; the channel's own questions are checked in `checkPreChatAnswers`. */
export const PreChatAnswers = z
  .record(z.string().max(40), z.string().max(MAX_PRECHAT_ANSWER))
  .refine((answers) => Object.keys(answers).length <= 10, 'at most 10 pre-chat answers')
  .default({});

const refuse = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new AtendoError('invalid-input', message, { field, path: `fields.${field}`, ...extra });

const Email = z.email().max(254);

/**
 * The visitor's answers checked against the questions the channel asks now: a key the channel
 * does not ask is refused (an old widget or a forged request, not something to store), a
 * required question left empty is refused naming it, every answer is one clean line, a phone
 * is stored in E.164 and an e-mail must be one. Empty optional answers are left out.
 */
export function checkPreChatAnswers(
  questions: readonly PreChatField[],
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) throw refuse(key, `this chat does not ask for "${key}"`);
  }
  const checked: Record<string, string> = {};
  for (const question of questions) {
    const value = storableLine(answers[question.key] ?? '');
    if (value === '') {
      if (question.required) {
        throw refuse(question.key, `"${question.label}" is required`, { reason: 'required' });
      }
      continue;
    }
    checked[question.key] = normalised(question, value);
  }
  return checked;
}

function normalised(question: PreChatField, value: string): string {
  if (question.type === 'phone') {
    const phone = normalisePhone(value);
    if (!phone.ok) throw refuse(question.key, `"${question.label}" is not a phone number`);
    return phone.e164;
  }
  if (question.type === 'email') {
    const email = Email.safeParse(value);
    if (!email.success) throw refuse(question.key, `"${question.label}" is not an e-mail`);
    return email.data.toLowerCase();
  }
  return value;
}
