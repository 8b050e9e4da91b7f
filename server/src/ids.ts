import { randomUUID } from 'node:crypto';

/** Makes server-assigned ids; injected so tests and seeds can be deterministic when they need. */
export type IdGenerator = () => string;

export const randomId: IdGenerator = () => randomUUID();
