import { z } from 'zod';

/** Server-assigned identifiers are opaque strings (UUIDs today). */
export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

/** A client's own id for a request, so the server recognises the request when it is retried. */
export const ClientId = z.string().min(1).max(64);

/** Every instant is Unix epoch milliseconds, so SQL, IndexedDB and JSON agree on order. */
export const EpochMs = z.number().int().nonnegative();
export type EpochMs = z.infer<typeof EpochMs>;

export const Locale = z.enum(['pt-BR', 'en']);
export type Locale = z.infer<typeof Locale>;
