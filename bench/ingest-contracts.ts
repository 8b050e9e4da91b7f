import { z } from 'zod';

/*
 * What the ingest benchmark's parent and its children (bench/ingest-load.ts,
 * bench/ingest-agents-process.ts) pass each other: configurations as JSON in the first
 * argument, results over IPC. Both sides check them.
 */

export const LoadConfig = z.object({
  webhookUrls: z.array(z.string()).min(1),
  phoneNumberIds: z.array(z.string()).min(1),
  appSecret: z.string(),
  seconds: z.number().positive(),
  concurrency: z.number().int().positive(),
  contacts: z.number().int().positive(),
  messages: z.number().int().positive(),
});
export type LoadConfig = z.infer<typeof LoadConfig>;

export const LoadResult = z.object({
  type: z.literal('done'),
  sent: z.number(),
  failures: z.number(),
  elapsedSeconds: z.number(),
  /** Absolute ms at which message n was posted. */
  sentAt: z.instanceof(Float64Array),
  /** Milliseconds from posting message n until its response ended. */
  responseMs: z.instanceof(Float64Array),
});
export type LoadResult = z.infer<typeof LoadResult>;

/** Message n comes from contact n mod contacts, who writes to the number of team contact mod T. */
export const teamOfMessage = (n: number, contacts: number, teams: number): number =>
  (n % contacts) % teams;

/** How many of the agents (agent i is in team i mod T) are in each team. */
export const teamSizes = (agents: number, teams: number, from = 0): number[] =>
  Array.from({ length: teams }, (_, t) => {
    let size = 0;
    for (let i = from; i < agents; i++) if (i % teams === t) size += 1;
    return size;
  });

export const AgentsConfig = z.object({
  streamUrl: z.string(),
  /** Session tokens, one per agent; the first `validating` agents validate like the desktop. */
  tokens: z.array(z.string()),
  validating: z.number().int().nonnegative(),
  /** Offer permessage-deflate as Chromium does (the default), or not, to compare plain frames. */
  offerDeflate: z.boolean(),
  /** How many messages the load generator prepared: the numbers the agents may see. */
  capacity: z.number().int().positive(),
});
export type AgentsConfig = z.infer<typeof AgentsConfig>;

export const AgentsResult = z.object({
  type: z.literal('drained'),
  /** Per message, over the scanning agents: absolute ms of its first and last arrival. */
  first: z.instanceof(Float64Array),
  last: z.instanceof(Float64Array),
  /** Per message, how many scanning agents received it. */
  reached: z.instanceof(Uint16Array),
  /** Per validating agent and message: absolute ms once the frame was parsed and validated. */
  validated: z.array(z.instanceof(Float64Array)),
  /** Distinct (agent, message) arrivals, scanning and validating agents together. */
  deliveries: z.number(),
  duplicates: z.number(),
  /** Resync events other than the `connected` each agent receives first, by reason. */
  resyncs: z.record(z.string(), z.number()),
  /** Streams the server closed during the run, by close code. */
  closes: z.record(z.string(), z.number()),
  invalidFrames: z.number(),
  /** Data frames received over all agents, and how many of them came deflated (RSV1). */
  frames: z.number(),
  compressedFrames: z.number(),
  /** Scanning agents' compressed frames whose digest no validating agent decoded. */
  unverifiableFrames: z.number(),
  /** Agents whose server accepted permessage-deflate (with server_no_context_takeover). */
  deflateAgents: z.number(),
  /** Stream bytes on the wire after the handshake (frame headers and payloads), all agents. */
  bytes: z.number(),
  /** The validating agents' bytes on the wire, and the JSON text they decoded from them. */
  validatingBytes: z.number(),
  validatingTextBytes: z.number(),
  /** CPU ms the agents' process spent in the validating agents' inflate, JSON.parse and schemas. */
  validatingMs: z.number(),
});
export type AgentsResult = z.infer<typeof AgentsResult>;

/** A result with nothing received yet; `unseen` fills the per-message arrival times. */
export const emptyAgentsResult = (capacity: number, unseen = Number.NaN): AgentsResult => ({
  type: 'drained',
  first: new Float64Array(capacity).fill(unseen),
  last: new Float64Array(capacity).fill(unseen),
  reached: new Uint16Array(capacity),
  validated: [],
  deliveries: 0,
  duplicates: 0,
  resyncs: {},
  closes: {},
  invalidFrames: 0,
  frames: 0,
  compressedFrames: 0,
  unverifiableFrames: 0,
  deflateAgents: 0,
  bytes: 0,
  validatingBytes: 0,
  validatingTextBytes: 0,
  validatingMs: 0,
});
