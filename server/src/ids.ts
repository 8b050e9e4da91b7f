import { v7 as uuidV7 } from 'uuid';

/** Makes server-assigned ids; injected so tests and seeds can be deterministic when they need. */
export type IdGenerator = () => string;

/**
 * UUIDv7 (RFC 9562): time-ordered, so the rows the server writes under load land at the end of
 * each primary-key and foreign-key index instead of at random pages. Measured with the inbound
 * service under load (helper bench, 20k messages): commit time 1.0–1.1 s → 0.39–0.45 s and
 * ~30 % more continuing messages per second than random v4 ids. The random tail keeps them
 * unguessable enough for ids (never secrets: tokens are separate and fully random).
 */
export const randomId: IdGenerator = () => uuidV7();
