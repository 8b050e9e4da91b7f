import { allow, deny, type Decision } from './decision';
import { foldForSearch } from './fold';

/** The variables a quick reply may use; the composer fills them in when the agent picks it. */
export const QUICK_REPLY_VARIABLES = [
  'contact.name',
  'contact.firstName',
  'agent.name',
  'agent.firstName',
  'team.name',
] as const;
export type QuickReplyVariable = (typeof QUICK_REPLY_VARIABLES)[number];

const VARIABLE = /\{\{\s*([A-Za-z.]+)\s*\}\}/g;

const isKnown = (name: string): name is QuickReplyVariable =>
  (QUICK_REPLY_VARIABLES as readonly string[]).includes(name);

/** A quick reply's text is valid when every `{{…}}` in it names a known variable. */
export function checkQuickReplyText(text: string): Decision<'invalid-input'> {
  const unknown = [...text.matchAll(VARIABLE)]
    .map((m) => m[1] ?? '')
    .filter((name) => !isKnown(name));
  if (unknown.length > 0) {
    return deny('invalid-input', { field: 'text', unknownVariables: unknown.join(',') });
  }
  return allow();
}

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/** The reply's text with the variables filled in; an unknown variable is left as written. */
export function renderQuickReply(
  text: string,
  values: { contactName: string; agentName: string; teamName: string },
): string {
  const table: Record<QuickReplyVariable, string> = {
    'contact.name': values.contactName,
    'contact.firstName': firstName(values.contactName),
    'agent.name': values.agentName,
    'agent.firstName': firstName(values.agentName),
    'team.name': values.teamName,
  };
  return text.replace(VARIABLE, (whole, name: string) => (isKnown(name) ? table[name] : whole));
}

/**
 * The shortcut being typed when the draft is `/` and a shortcut prefix (nothing else yet), as
 * in Chatwoot and Zendesk; null otherwise, so a slash inside a sentence never opens the list.
 */
export function quickReplyQuery(draft: string): string | null {
  const match = /^\/([^\s/]*)$/.exec(draft);
  return match === null ? null : foldForSearch(match[1] ?? '');
}

/**
 * The replies for a query, best first: shortcuts that start with it, then shortcuts and texts
 * that contain it (accents and case folded).
 */
export function matchQuickReplies<T extends { shortcut: string; text: string }>(
  replies: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const needle = foldForSearch(query);
  const starts = replies.filter((r) => r.shortcut.startsWith(needle));
  const contains = replies.filter(
    (r) =>
      !r.shortcut.startsWith(needle) &&
      (r.shortcut.includes(needle) || foldForSearch(r.text).includes(needle)),
  );
  return [...starts, ...contains].slice(0, limit);
}
