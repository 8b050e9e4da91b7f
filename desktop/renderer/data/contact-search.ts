import type { Contact } from '@atendo/shared/schemas/contact';

/*
 * Contact search in the picker: the local store first (it holds the contacts of the agent's
 * working set and recent searches); when nothing there matches, the server (contact.search),
 * because the store no longer holds every contact of the organisation.
 */

type Searchable = { name: string; phones: readonly string[]; emails: readonly string[] };

/** Name or e-mail containing the text (any case), or a phone containing its digits (3 or more). */
export function matchesContact(contact: Searchable, query: string): boolean {
  const text = query.trim().toLowerCase();
  if (text === '') return true;
  if (contact.name.toLowerCase().includes(text)) return true;
  if (contact.emails.some((email) => email.toLowerCase().includes(text))) return true;
  const digits = text.replace(/\D/g, '');
  return (
    digits.length >= 3 && contact.phones.some((phone) => phone.replace(/\D/g, '').includes(digits))
  );
}

/** Below this many characters the server is not asked: too many contacts would match. */
export const SERVER_SEARCH_MIN_CHARS = 2;
export const SERVER_SEARCH_DEBOUNCE_MS = 300;

export type ServerSearch =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'found'; contacts: Contact[] }
  | { status: 'offline' }
  | { status: 'failed' };

/** Whether to ask the server for this query, given how many local contacts match. */
export function shouldAskServer(query: string, localMatches: number): boolean {
  return localMatches === 0 && query.trim().length >= SERVER_SEARCH_MIN_CHARS;
}
