import { z } from 'zod';
import { Agent, Presence } from '../schemas/agent';

/**
 * The signed-in agent's session as the workspace keeps it between starts: who, on which
 * server, with which bearer token. In the desktop app main stores it encrypted with the OS's
 * key store (safeStorage) and checks it against this schema on the way in and out; the browser
 * build keeps it in localStorage.
 */
export const StoredSession = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).max(2048),
  token: z.string().min(1).max(512),
  /** Chosen at sign-in and changed from the header; the server holds the truth. */
  presence: Presence.default('available'),
  agent: Agent.pick({
    id: true,
    name: true,
    email: true,
    role: true,
    teamIds: true,
    permissions: true,
  }),
  /** When the server will stop accepting the token (epoch ms), as login answered it. */
  expiresAt: z.number().int().positive().optional(),
});
export type StoredSession = z.infer<typeof StoredSession>;
/** What a caller may hand over: `presence` falls back to its default. */
export type StoredSessionInput = z.input<typeof StoredSession>;

/**
 * How main keeps the session: `encrypted` with a key the OS guards (DPAPI, Keychain, a Linux
 * secret store), `basic-text` with Electron's fallback key when Linux has no secret store (no
 * real protection beyond the file's permissions), `memory` when encryption is unavailable (the
 * agent signs in again after restarting the app).
 */
export const SessionProtection = z.enum(['encrypted', 'basic-text', 'memory', 'browser-storage']);
export type SessionProtection = z.infer<typeof SessionProtection>;
