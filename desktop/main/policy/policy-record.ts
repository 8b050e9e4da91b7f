import { z } from 'zod';
import { Locale } from '@atendo/shared/schemas/common';
import {
  CountryCode,
  DialerKind,
  DialerUriScheme,
  LocalDataOnSignOut,
  ServerUrl,
  type DesktopSettings,
} from '@atendo/shared/ipc/settings';

/**
 * The policy keys IT sets, spelled the same in the registry (HKLM\Software\Policies\Atendo),
 * macOS managed preferences (com.atendo.desktop) and policy.json. Registry values arrive as
 * strings or DWORDs, so booleans accept 0/1 and "true"/"false" as well.
 */
const Flag = z.preprocess((v) => {
  if (v === 0 || v === '0' || v === 'false') return false;
  if (v === 1 || v === '1' || v === 'true') return true;
  return v;
}, z.boolean());

/** A list arrives as an array (JSON, plist, REG_MULTI_SZ) or as one string per line. */
const StringList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/).filter((s) => s.length > 0) : v),
  z.array(z.string().max(256)).max(20),
);

/**
 * `offer`, `default` or `always`; a flag works too, for IT that thinks "shared machine: on":
 * 1/true is `always`, 0/false is `offer`.
 */
const SignOutErase = z.preprocess((v) => {
  if (v === 0 || v === '0' || v === 'false' || v === false) return 'offer';
  if (v === 1 || v === '1' || v === 'true' || v === true) return 'always';
  return v;
}, LocalDataOnSignOut);

export const PolicyRecord = z
  .object({
    ServerUrl: ServerUrl,
    AllowServerChange: Flag,
    AutoUpdate: Flag,
    DefaultCountry: CountryCode,
    DialerKind: DialerKind,
    DialerUriScheme: DialerUriScheme,
    DialerCommandPath: z.string().min(1).max(1024),
    DialerCommandArgs: StringList,
    DialerHttpTemplate: z.string().min(1).max(2048),
    NotifyQueueArrivals: Flag,
    NotifyNewMessages: Flag,
    NotifyTransfers: Flag,
    PersistQueueNotifications: Flag,
    NotificationSound: Flag,
    /** The language of the shell's own texts (tray, dialogs) before the agent picks one. */
    Language: Locale,
    /** Erase the local store on sign-out: offered, ticked by default, or always (shared PCs). */
    ClearLocalDataOnSignOut: SignOutErase,
  })
  .partial();
export type PolicyRecord = z.infer<typeof PolicyRecord>;

export const POLICY_KEYS = Object.keys(PolicyRecord.shape) as readonly (keyof PolicyRecord)[];

export type PolicyProblem = { key: string; message: string };

/**
 * Reads an untrusted key/value bag into a policy. A bad value drops only its own key (and is
 * reported) so one typo in a GPO does not throw away the server URL next to it. Unknown keys
 * are reported too, since they are usually misspellings.
 */
export function readPolicyRecord(raw: Record<string, unknown>): {
  policy: PolicyRecord;
  problems: PolicyProblem[];
} {
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = Object.hasOwn(PolicyRecord.shape, key)
      ? PolicyRecord.shape[key as keyof PolicyRecord]
      : undefined;
    if (!field) {
      problems.push({ key, message: 'unknown policy key' });
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push({ key, message: parsed.error.issues[0]?.message ?? 'invalid value' });
  }
  return { policy: PolicyRecord.parse(policy), problems };
}

/** Several sources: the first one that sets a key wins (they arrive strongest first). */
export function mergePolicies(records: readonly PolicyRecord[]): PolicyRecord {
  const merged: Record<string, unknown> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (!(key in merged)) merged[key] = value;
    }
  }
  return PolicyRecord.parse(merged);
}

export type SettingsLayer = {
  serverUrl?: DesktopSettings['serverUrl'];
  allowServerChange?: boolean;
  autoUpdate?: boolean;
  defaultCountry?: string;
  dialer?: Partial<DesktopSettings['dialer']>;
  notifications?: Partial<DesktopSettings['notifications']>;
  clearLocalDataOnSignOut?: DesktopSettings['clearLocalDataOnSignOut'];
};

/** Policy keys in the shape of the settings they set. */
export function policyToLayer(p: PolicyRecord): SettingsLayer {
  return {
    serverUrl: p.ServerUrl,
    allowServerChange: p.AllowServerChange,
    autoUpdate: p.AutoUpdate,
    defaultCountry: p.DefaultCountry,
    dialer: {
      kind: p.DialerKind,
      uriScheme: p.DialerUriScheme,
      commandPath: p.DialerCommandPath,
      commandArgs: p.DialerCommandArgs,
      httpTemplate: p.DialerHttpTemplate,
    },
    notifications: {
      queueArrivals: p.NotifyQueueArrivals,
      newMessages: p.NotifyNewMessages,
      transfers: p.NotifyTransfers,
      persistQueueArrivals: p.PersistQueueNotifications,
      sound: p.NotificationSound,
    },
    clearLocalDataOnSignOut: p.ClearLocalDataOnSignOut,
  };
}
