/*
 * WhatsApp shows every message as coming from the business number, so the contact cannot tell
 * which agent wrote. The seed promises "Toda mensagem enviada é identificada para que o contato
 * saiba com quem está interagindo": an agent's text (or a file's caption) opens with the
 * author's first name in WhatsApp bold, on its own line. Templates are fixed by Meta and cannot
 * carry it; bot and system messages have no author.
 */

/** The author's first name, without the asterisks and line breaks that would break the bold. */
export function authorLabel(agentName: string): string {
  const clean = agentName.replace(/[*\r\n]/g, ' ').trim();
  return clean.split(/\s+/u)[0] ?? clean;
}

/** The line that names the author: "*Ana:*". */
export const authorPrefixLine = (agentName: string): string => `*${authorLabel(agentName)}:*`;

/** The text the contact reads: the author line, then what the agent wrote. */
export function withAuthorPrefix(body: string, agentName: string): string {
  const line = authorPrefixLine(agentName);
  return body === '' ? line : `${line}\n${body}`;
}

/**
 * Whether the author is named. Off only when the channel turned it off and the agent is alone
 * in the conversation: with invited collaborators the contact always learns who is writing.
 */
export function namesAuthor(input: {
  hasAuthor: boolean;
  channelSetting: boolean;
  participantCount: number;
}): boolean {
  if (!input.hasAuthor) return false;
  return input.channelSetting || input.participantCount > 0;
}
