/**
 * The database driver's last guard (db/postgres.ts); what is stored is normalised before, by
 * the shared rules/storable-text. U+0000 may arrive in what a contact types or an agent pastes (JSON allows "\u0000"), and
 * PostgreSQL refuses it in text: a channel would redeliver the message for ever and an agent's
 * outbox would retry it for ever. The replacement character shows where it was, on SQLite and
 * PostgreSQL alike.
 */
export const withoutNul = (text: string): string => text.replaceAll('\u0000', '\uFFFD');
