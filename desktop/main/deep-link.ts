import { CallEvent, DeepLink, type DeepLink as DeepLinkValue } from '@atendo/shared/ipc/contract';
import { Id } from '@atendo/shared/schemas/common';
import { dialableNumber } from './dialer/dial-plan';
import { telScheme } from './tel-link';

/**
 * Parses `atendo://` links. They arrive from softphones' "on incoming call" hooks, from other
 * apps and from web pages, so every part is checked: the scheme, the host, no path tricks, only
 * known parameters, each once, and a number that normalises to E.164.
 */
export const DEEP_LINK_SCHEME = 'atendo';
const MAX_LINK_LENGTH = 1024;
const CALL_PARAMS = new Set(['number', 'event', 'callId']);

export type DeepLinkDecision =
  | { ok: true; link: DeepLinkValue }
  | { ok: false; reason: 'invalid-input'; details: { why: string } };

const reject = (why: string): DeepLinkDecision => ({
  ok: false,
  reason: 'invalid-input',
  details: { why },
});

function singleParams(url: URL, allowed: Set<string>): Map<string, string> | string {
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!allowed.has(key)) return `unknown-parameter ${key.slice(0, 40)}`;
    if (params.has(key)) return `repeated-parameter ${key}`;
    params.set(key, value);
  }
  return params;
}

function parseCall(url: URL, defaultCountry: string): DeepLinkDecision {
  if (url.pathname !== '' && url.pathname !== '/') return reject('unexpected-path');
  const params = singleParams(url, CALL_PARAMS);
  if (typeof params === 'string') return reject(params);
  const event = CallEvent.safeParse(params.get('event'));
  if (!event.success) return reject('missing-or-unknown-event');
  const number = dialableNumber(params.get('number') ?? '', defaultCountry);
  if (number === null) return reject('invalid-number');
  const link = DeepLink.safeParse({
    kind: 'call',
    number,
    event: event.data,
    callId: params.get('callId') ?? null,
  });
  return link.success ? { ok: true, link: link.data } : reject('invalid-call-id');
}

function parseConversation(url: URL): DeepLinkDecision {
  if (url.search !== '' || url.hash !== '') return reject('unexpected-query');
  const match = /^\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
  const id = Id.safeParse(match?.[1]);
  if (!id.success) return reject('invalid-conversation-id');
  return { ok: true, link: { kind: 'conversation', conversationId: id.data } };
}

function hasControlCharacters(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

export function parseDeepLink(raw: string, defaultCountry = 'BR'): DeepLinkDecision {
  if (raw.length > MAX_LINK_LENGTH) return reject('too-long');
  // Control characters and backslashes have no place in our links and confuse URL parsers.
  if (hasControlCharacters(raw)) return reject('control-characters');
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return reject('not-an-atendo-link');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return reject('not-a-url');
  }
  if (url.username || url.password || url.port) return reject('unexpected-authority');
  // The URL parser would quietly resolve "..": a dot segment in the raw path is refused instead.
  const rawPath = raw.slice(`${DEEP_LINK_SCHEME}://`.length).split(/[?#]/, 1)[0] ?? '';
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath)) return reject('dot-segments');
  switch (url.hostname) {
    case 'call':
      return parseCall(url, defaultCountry);
    case 'conversation':
      return parseConversation(url);
    default:
      return reject('unknown-action');
  }
}

/**
 * Finds the link among command-line arguments: Windows and Linux start a second instance with
 * the URL as an argument (`atendo://…`, or `tel:…`/`callto:…` when Atendo is their handler),
 * and softphones' command hooks do the same. Only an argument that is itself the link counts;
 * `--flag=atendo://…` is not one.
 */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  return (
    argv.find(
      (arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`) || telScheme(arg) !== null,
    ) ?? null
  );
}
