import { PostgresAdapter, sql, type Expression, type Kysely } from 'kysely';

/*
 * The few places where SQLite and PostgreSQL need different SQL ask the database which one it
 * is. The adapter is the dialect's own object, shared by the database, its transactions and an
 * untyped migration handle alike, so no flag has to be threaded through.
 */

export type DialectName = 'sqlite' | 'postgres';

// Kysely<never> accepts a Kysely of any schema: migrations hold an untyped one.
export const dialectOf = (db: Pick<Kysely<never>, 'getExecutor'>): DialectName =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/**
 * The column type of every text column. SQLite compares text byte by byte (its BINARY
 * collation), so sorting and `max()` follow code points and its `lower()` folds only ASCII
 * letters. A PostgreSQL database's default collation is usually a language's (en_US.UTF-8),
 * which sorts "b" before "C" and folds "Á" too; the "C" collation is PostgreSQL's byte order,
 * with ASCII-only case folding, so declaring it on every column gives both databases the same
 * results. It is also PostgreSQL's fastest collation and lets `like 'x%'` use a plain index.
 */
export const textType = (db: Pick<Kysely<never>, 'getExecutor'>): 'text' | Expression<unknown> =>
  dialectOf(db) === 'postgres' ? sql`text collate "C"` : 'text';
