import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema';

/*
 * Kysely builds, freezes and compiles every query anew. On the inbound path, with its dozen
 * small statements a message, that cost about as much CPU as SQLite spent running them (the
 * path went from about 240 to 150 µs of CPU a message, measured in process, once its hot
 * queries were cached here and two of its reads dropped). A hot query is therefore built and
 * compiled once per shape with stand-ins for its values, and each run only swaps the values
 * in: the SQL is still Kysely's, written by the builder for the dialect in use, so it stays
 * portable.
 *
 * One process talks to one database dialect, so the cache is kept per process.
 */

/** Stands for the n-th value of the arguments while the query is built. */
class Slot {
  constructor(readonly index: number) {}
}

type Entry = { compiled: CompiledQuery; parameters: readonly unknown[] };

/** Distinct shapes kept; a cleared cache only costs a compile per shape. */
const MAX_SHAPES = 500;
const cache = new Map<string, Entry>();

/**
 * Runs the query `build` makes from `args`, compiling it only the first time this `name` meets
 * arguments of this shape (the same keys and array lengths). `build` must pass the values found
 * in `args` into the query as values and nothing else: it must not branch on them, because it
 * runs once per shape with stand-ins in their place.
 */
export async function runCached<A, O>(
  db: Kysely<DB>,
  name: string,
  args: A,
  build: (db: Kysely<DB>, args: A) => Compilable<O>,
): Promise<O[]> {
  const values: unknown[] = [];
  const key = `${name}${signature(args, values)}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    if (cache.size >= MAX_SHAPES) cache.clear();
    const compiled = build(db, withSlots(args, { next: 0 }) as A).compile();
    entry = { compiled, parameters: compiled.parameters };
    cache.set(key, entry);
  }
  const { compiled, parameters } = entry;
  const bound = parameters.map((p) => (p instanceof Slot ? values[p.index] : p));
  const result = await db.executeQuery<O>({ ...compiled, parameters: bound });
  return result.rows;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** The shape of `value` as text, collecting its values (leaves) in traversal order. */
function signature(value: unknown, values: unknown[]): string {
  if (Array.isArray(value)) {
    let text = `[${String(value.length)}`;
    for (const item of value) text += signature(item, values);
    return `${text}]`;
  }
  if (isPlainObject(value)) {
    let text = '{';
    for (const key of Object.keys(value)) text += `${key}:${signature(value[key], values)},`;
    return `${text}}`;
  }
  // Kysely leaves a column out of an insert or update when its value is undefined.
  if (value === undefined) return 'u';
  values.push(value);
  return '';
}

/** `value` with every leaf replaced by its slot, in the order `signature` collects them. */
function withSlots(value: unknown, counter: { next: number }): unknown {
  if (Array.isArray(value)) return value.map((item) => withSlots(item, counter));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = withSlots(value[key], counter);
    return copy;
  }
  if (value === undefined) return undefined;
  return new Slot(counter.next++);
}
