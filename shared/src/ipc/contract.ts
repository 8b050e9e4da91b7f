import { z } from 'zod';
import { Id, Locale } from '../schemas/common';
import { E164 } from '../schemas/contact';
import { SessionProtection, StoredSession } from './session';
import { ResolvedSettings, UserSettings } from './settings';

/**
 * The one map of IPC channels between the renderer and the main process. The preload exposes
 * exactly these channels and main validates every request with `request` before acting, so the
 * two sides cannot disagree about a channel's name or shape (Rocket.Chat desktop's habit).
 */

export const CallEvent = z.enum(['ringing', 'answered', 'ended']);
export type CallEvent = z.infer<typeof CallEvent>;

/** A softphone's screen-pop, parsed from `atendo://call?number=…&event=…`. */
export const CallLink = z.object({
  kind: z.literal('call'),
  number: E164,
  event: CallEvent,
  callId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/)
    .nullable(),
});
export type CallLink = z.infer<typeof CallLink>;

/** `atendo://conversation/<id>`: open one conversation (from a notification or a link). */
export const ConversationLink = z.object({ kind: z.literal('conversation'), conversationId: Id });
export type ConversationLink = z.infer<typeof ConversationLink>;

export const DeepLink = z.discriminatedUnion('kind', [CallLink, ConversationLink]);
export type DeepLink = z.infer<typeof DeepLink>;

/**
 * A `tel:` or `callto:` link the OS handed to Atendo (a number clicked in a browser, an e-mail
 * or a CRM). It asks the renderer to open the contact with that number (or the add-contact form)
 * and offer the call; the renderer must not dial without the agent's click, because any web
 * page can open such a link.
 */
export const DialRequest = z.object({
  number: E164,
  scheme: z.enum(['tel', 'callto']),
});
export type DialRequest = z.infer<typeof DialRequest>;

export const NotificationKind = z.enum(['queue-arrival', 'new-message', 'transfer', 'invite']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * A domain event the renderer observed in its local store. The renderer writes the text in the
 * agent's language; main decides whether to show it (focus, presence, settings).
 */
export const NotificationEvent = z.object({
  kind: NotificationKind,
  conversationId: Id,
  teamId: Id,
  ownerId: Id.nullable(),
  participantIds: z.array(Id).max(100),
  /** For transfers and invites: the agent the conversation was handed or opened to. */
  targetAgentId: Id.nullable(),
  title: z.string().min(1).max(200),
  body: z.string().max(500),
});
export type NotificationEvent = z.infer<typeof NotificationEvent>;

/** Who the signed-in agent is and whether they want to be disturbed. */
export const AgentContext = z.object({
  agentId: Id.nullable(),
  teamIds: z.array(Id).max(200),
  presence: z.enum(['available', 'away', 'offline']),
  /** The conversation on screen: no need to notify about what the agent is reading. */
  openConversationId: Id.nullable(),
  /** The language the agent chose in the app; main's own texts (tray, dialogs) follow it. */
  locale: Locale.optional(),
});
export type AgentContext = z.infer<typeof AgentContext>;

export const BadgeCounts = z.object({
  queued: z.number().int().min(0).max(1_000_000),
  unread: z.number().int().min(0).max(1_000_000),
});
export type BadgeCounts = z.infer<typeof BadgeCounts>;

export const DialResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), via: z.enum(['uri', 'command', 'http']), number: E164 }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['invalid-input', 'forbidden']),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
]);
export type DialResult = z.infer<typeof DialResult>;

export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Empty = z.undefined();
const Ack = z.object({ ok: z.boolean() });

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE_CONTRACT = {
  'app:info': { request: Empty, response: AppInfo },
  'settings:get': { request: Empty, response: ResolvedSettings },
  'settings:update': { request: UserSettings, response: ResolvedSettings },
  'dialer:call': { request: z.object({ number: z.string().min(1).max(64) }), response: DialResult },
  'shell:open-external': { request: z.object({ url: z.string().min(1).max(2048) }), response: Ack },
  'notifications:event': {
    request: NotificationEvent,
    response: z.object({ shown: z.boolean(), reason: z.string() }),
  },
  'agent:context': { request: AgentContext, response: Ack },
  'badge:set': { request: BadgeCounts, response: Ack },
  'window:focus': { request: Empty, response: Ack },
  /** The session main keeps between starts (encrypted where the OS can), or null. */
  'session:load': { request: Empty, response: z.object({ session: StoredSession.nullable() }) },
  'session:save': {
    request: StoredSession,
    response: z.object({ ok: z.boolean(), protection: SessionProtection }),
  },
  'session:clear': { request: Empty, response: Ack },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type InvokeChannel = keyof typeof INVOKE_CONTRACT;
export type InvokeRequest<C extends InvokeChannel> = z.input<
  (typeof INVOKE_CONTRACT)[C]['request']
>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<
  (typeof INVOKE_CONTRACT)[C]['response']
>;
export const INVOKE_CHANNELS = Object.keys(INVOKE_CONTRACT) as readonly InvokeChannel[];

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const EVENT_CONTRACT = {
  'event:deep-link': DeepLink,
  'event:dial-request': DialRequest,
  'event:notification-click': z.object({ conversationId: Id }),
  'event:settings-changed': ResolvedSettings,
  /** Native notifications stay silent; the renderer plays the kind's sound from the app. */
  'event:play-sound': z.object({ sound: z.string().regex(/^[a-z-]{1,40}\.wav$/) }),
} as const satisfies Record<string, z.ZodType>;

export type EventChannel = keyof typeof EVENT_CONTRACT;
export type EventPayload<C extends EventChannel> = z.infer<(typeof EVENT_CONTRACT)[C]>;
export const EVENT_CHANNELS = Object.keys(EVENT_CONTRACT) as readonly EventChannel[];

/** Channels without a request take no argument at all. */
export type InvokeArgs<C extends InvokeChannel> =
  InvokeRequest<C> extends undefined ? [] : [InvokeRequest<C>];

/** The API the preload exposes as `window.atendo`, derived from the contract. */
export type AtendoBridge = {
  invoke: <C extends InvokeChannel>(
    channel: C,
    ...request: InvokeArgs<C>
  ) => Promise<InvokeResponse<C>>;
  on: <C extends EventChannel>(
    channel: C,
    listener: (payload: EventPayload<C>) => void,
  ) => () => void;
};

export const isInvokeChannel = (value: unknown): value is InvokeChannel =>
  typeof value === 'string' && Object.hasOwn(INVOKE_CONTRACT, value);

export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && Object.hasOwn(EVENT_CONTRACT, value);
