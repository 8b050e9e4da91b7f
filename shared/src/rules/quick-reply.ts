import { allow, deny, type Decision } from './decision';

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
