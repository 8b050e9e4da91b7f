import { z } from 'zod';

/** How click-to-call reaches the agent's phone; IT picks one by policy. */
export const DialerKind = z.enum(['uri', 'command', 'http', 'none']);
export type DialerKind = z.infer<typeof DialerKind>;

/** The URI schemes an installed softphone registers for. */
export const DialerUriScheme = z.enum(['tel', 'sip', 'callto']);
export type DialerUriScheme = z.infer<typeof DialerUriScheme>;

/** An ISO 3166-1 alpha-2 region used to read numbers typed without a country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/);

export const ServerUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u), 'no credentials in the URL');

export const DialerSettings = z.object({
  kind: DialerKind,
  uriScheme: DialerUriScheme,
  /** Absolute path of the executable for the `command` dialer; only ever from machine policy. */
  commandPath: z.string().max(1024).nullable(),
  /** Arguments for that executable; `{number}` is replaced, otherwise the number is appended. */
  commandArgs: z.array(z.string().max(256)).max(20),
  /** PBX click-to-call URL with `{number}` and `{extension}`; only from policy. */
  httpTemplate: z.string().max(2048).nullable(),
  /** The agent's own PBX extension, for `{extension}` in the HTTP template. */
  extension: z
    .string()
    .regex(/^[0-9*#]{1,16}$/)
    .nullable(),
});
export type DialerSettings = z.infer<typeof DialerSettings>;

export const NotificationSettings = z.object({
  queueArrivals: z.boolean(),
  newMessages: z.boolean(),
  transfers: z.boolean(),
  /** Queue-arrival notifications stay on screen until the agent acknowledges them. */
  persistQueueArrivals: z.boolean(),
  sound: z.boolean(),
  doNotDisturb: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/**
 * What signing out does with this computer's copy of the agent's data (the local store with
 * its drafts and unsent messages): `offer` shows the choice unticked, `default` shows it ticked
 * (the agent may untick it), `always` erases without a choice (shared machines).
 */
export const LocalDataOnSignOut = z.enum(['offer', 'default', 'always']);
export type LocalDataOnSignOut = z.infer<typeof LocalDataOnSignOut>;

/** Everything the desktop shell is configured with, after precedence is applied. */
export const DesktopSettings = z.object({
  serverUrl: ServerUrl.nullable(),
  allowServerChange: z.boolean(),
  autoUpdate: z.boolean(),
  defaultCountry: CountryCode,
  dialer: DialerSettings,
  notifications: NotificationSettings,
  clearLocalDataOnSignOut: LocalDataOnSignOut,
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

/** Dotted names of the settings, used to report which ones policy locks. */
export const SETTING_KEYS = [
  'serverUrl',
  'allowServerChange',
  'autoUpdate',
  'defaultCountry',
  'dialer.kind',
  'dialer.uriScheme',
  'dialer.commandPath',
  'dialer.commandArgs',
  'dialer.httpTemplate',
  'dialer.extension',
  'notifications.queueArrivals',
  'notifications.newMessages',
  'notifications.transfers',
  'notifications.persistQueueArrivals',
  'notifications.sound',
  'notifications.doNotDisturb',
  'clearLocalDataOnSignOut',
] as const;
export const SettingKey = z.enum(SETTING_KEYS);
export type SettingKey = z.infer<typeof SettingKey>;

/**
 * What the agent may change from the app. The dialer's kind, executable and URL template are
 * absent on purpose: an agent must not be able to make the app run a program or post to a URL
 * that IT did not choose.
 */
export const UserSettings = z
  .object({
    serverUrl: ServerUrl.nullable(),
    defaultCountry: CountryCode,
    dialer: z.object({ uriScheme: DialerUriScheme, extension: DialerSettings.shape.extension }),
    notifications: NotificationSettings,
  })
  .partial()
  .extend({
    dialer: z
      .object({ uriScheme: DialerUriScheme, extension: DialerSettings.shape.extension })
      .partial()
      .optional(),
    notifications: NotificationSettings.partial().optional(),
  })
  .strict();
export type UserSettings = z.infer<typeof UserSettings>;

export const ResolvedSettings = z.object({
  settings: DesktopSettings,
  /** Keys fixed by machine policy: the UI shows them read-only. */
  locked: z.array(SettingKey),
});
export type ResolvedSettings = z.infer<typeof ResolvedSettings>;

/** What an install without any policy or user choice runs with. */
export const DEFAULT_SETTINGS: DesktopSettings = {
  serverUrl: null,
  allowServerChange: true,
  autoUpdate: true,
  defaultCountry: 'BR',
  dialer: {
    kind: 'uri',
    uriScheme: 'tel',
    commandPath: null,
    commandArgs: [],
    httpTemplate: null,
    extension: null,
  },
  notifications: {
    queueArrivals: true,
    newMessages: true,
    transfers: true,
    persistQueueArrivals: false,
    sound: true,
    doNotDisturb: false,
  },
  // An installed app is usually the agent's own machine: keeping the store makes the next
  // start instant. IT turns erasing on for shared machines by policy.
  clearLocalDataOnSignOut: 'offer',
};
