import { normalisePhone } from '@atendo/shared/phone';
import type { DialerSettings } from '@atendo/shared/ipc/settings';
import { fillHttpTemplate } from './http-template';

/** What the electron layer must do to place the call; it decides nothing itself. */
export type DialAction =
  | { kind: 'uri'; url: string }
  | { kind: 'command'; file: string; args: string[] }
  | { kind: 'http'; method: 'POST'; url: string };

export type DialPlan =
  | { ok: true; number: string; action: DialAction }
  | { ok: false; reason: 'invalid-input' | 'forbidden'; details: Record<string, string> };

const MAX_INPUT = 64;
/** Digits, a leading plus, and the separators people type; nothing a softphone could misread. */
const DIALABLE = /^[0-9+()\-. ]+$/;
/** An absolute executable path: C:\… or \\server\… on Windows, /… elsewhere. */
const ABSOLUTE_PATH = /^(?:[A-Za-z]:\\|\\\\[^\\]+\\|\/)/;

function deny(reason: 'invalid-input' | 'forbidden', why: string): DialPlan {
  return { ok: false, reason, details: { why } };
}

/** Normalises what the agent clicked to E.164, refusing anything that is not plainly a number. */
export function dialableNumber(raw: string, defaultCountry: string) {
  if (raw.length > MAX_INPUT || !DIALABLE.test(raw)) return null;
  const result = normalisePhone(raw, defaultCountry);
  return result.ok ? result.e164 : null;
}

/**
 * Builds the call action the policy selects. The executable path and URL template come only
 * from settings that policy owns (UserSettings cannot carry them); the number is E.164, so it
 * is safe as a single argv entry, a URI path, or a URL-encoded query value. The command kind is
 * always run with execFile and an argument array, never through a shell.
 */
export function planDial(raw: string, dialer: DialerSettings, defaultCountry: string): DialPlan {
  const number = dialableNumber(raw, defaultCountry);
  if (number === null) return deny('invalid-input', 'not-a-phone-number');
  switch (dialer.kind) {
    case 'none':
      return deny('forbidden', 'dialer-disabled');
    case 'uri': {
      const url = `${dialer.uriScheme}:${number}`;
      return { ok: true, number, action: { kind: 'uri', url } };
    }
    case 'command': {
      const file = dialer.commandPath;
      if (!file || !ABSOLUTE_PATH.test(file)) return deny('forbidden', 'no-command-in-policy');
      const hasPlaceholder = dialer.commandArgs.some((a) => a.includes('{number}'));
      const args = dialer.commandArgs.map((a) => a.replaceAll('{number}', number));
      return {
        ok: true,
        number,
        action: { kind: 'command', file, args: hasPlaceholder ? args : [...args, number] },
      };
    }
    case 'http': {
      if (!dialer.httpTemplate) return deny('forbidden', 'no-template-in-policy');
      const filled = fillHttpTemplate(dialer.httpTemplate, {
        number,
        extension: dialer.extension ?? '',
      });
      if (!filled.ok) return deny('forbidden', filled.why);
      return { ok: true, number, action: { kind: 'http', method: 'POST', url: filled.url } };
    }
  }
}
