import type { Locale } from '../schemas/common';
import type { Conversation } from '../schemas/conversation';
import { allow, deny, type Decision } from './decision';

const PROMPTS: Record<Locale, string> = {
  'pt-BR':
    'Como você avalia este atendimento? Responda com uma nota de 1 (muito insatisfeito) a 5 (muito satisfeito). Se quiser, escreva um comentário depois da nota.',
  en: 'How would you rate this conversation? Reply with a score from 1 (very dissatisfied) to 5 (very satisfied). You can add a comment after the score.',
};

/** The satisfaction question sent to the contact after close. */
export function csatPrompt(locale: Locale): string {
  return PROMPTS[locale];
}

export type CsatReply = { score: number; comment: string | null };

/** The comment column holds at most this many characters (CsatAnswer schema). */
const MAX_COMMENT = 1000;

// "5", "nota 4", "Nota: 5 - ótimo", "4/5", "3 de 5 demorou": a lone digit from 1 to 5, never
// part of a larger number ("10", "2024", "4.5"), optionally out of 5, then the comment.
const SCORED =
  /^(?:nota|score|rating|avalia[cç][aã]o)?\s*[:=-]?\s*([1-5])(?![\d.,]\d|\d)(?:\s*(?:\/|de|of|out of)\s*5(?!\d))?(.*)$/isu;
// Stars, as some keyboards suggest them ("⭐⭐⭐⭐"), often with an emoji variation selector.
const STAR = /⭐\uFE0F?|★/gu;
const STARS = /^((?:⭐\uFE0F?|★){1,5})(?!⭐|★)(.*)$/su;

const comment = (rest: string): string | null => {
  const text = rest.replace(/^[\s\-–—:,.!]+/u, '').trim();
  return text === '' ? null : text.slice(0, MAX_COMMENT);
};

/** The contact's answer as a score and an optional comment, or null when it is not one. */
export function parseCsatAnswer(text: string): CsatReply | null {
  const answer = text.trim();
  const scored = SCORED.exec(answer);
  if (scored) return { score: Number(scored[1]), comment: comment(scored[2] ?? '') };
  const stars = STARS.exec(answer);
  if (stars)
    return { score: (stars[1] ?? '').match(STAR)?.length ?? 0, comment: comment(stars[2] ?? '') };
  return null;
}

/** Only a conversation waiting for its score, before the deadline, takes an answer. */
export function canAnswerCsat(
  conv: Pick<Conversation, 'state' | 'csatDeadline'>,
  now: number,
): Decision<'csat-not-pending'> {
  const pending =
    conv.state === 'awaiting_csat' && (conv.csatDeadline === null || now < conv.csatDeadline);
  return pending
    ? allow()
    : deny('csat-not-pending', { state: conv.state, csatDeadline: conv.csatDeadline });
}

/**
 * How long after a score without a comment the contact's next message is taken as the comment.
 * The question invites "a comment after the score", and on WhatsApp people send them as two
 * messages; past this, a message is a new conversation again.
 */
export const CSAT_COMMENT_WINDOW_MS = 10 * 60_000;

/** Whether a message now may still be the comment of this recorded score. */
export function canCommentCsat(
  answer: { answeredAt: number; comment: string | null },
  now: number,
): Decision<'csat-not-pending'> {
  const open = answer.comment === null && now - answer.answeredAt < CSAT_COMMENT_WINDOW_MS;
  return open ? allow() : deny('csat-not-pending', { answeredAt: answer.answeredAt });
}

/** The comment as stored: the whole message, trimmed, at most the column's length. */
export const csatComment = (text: string): string | null => comment(text);
