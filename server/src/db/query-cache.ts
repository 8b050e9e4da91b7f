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
 * The SQL differs by dialect (`?` or `$1` placeholders, quoting), so the cache is kept per
 * dialect adapter class: a server talks to one database, but a test process may hold SQLite and
 * PostgreSQL databases at once. Every run of a cached query shares its compiled form and query
 * id: a Kysely plugin that keeps state per query id would need a fresh compile per run (the
 * database is opened without plugins).
 */

/** Stands for the n-th value of the arguments while the query is built. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * The structure of a query's arguments: which keys each object has, how long each array is,
 * where a value is undefined (Kysely then leaves the column out). Values are the leaves.
 */
type Shape =
  | { kind: 'value' }
  | { kind: 'undefined' }
  | { kind: 'array'; items: Shape[] }
  | { kind: 'object'; keys: string[]; fields: Shape[] };

type Entry = { shape: Shape; compiled: CompiledQuery; parameters: readonly unknown[] };

/** Distinct queries kept; a cleared cache only costs a compile per shape. */
const MAX_ENTRIES = 500;
type Cache = { byName: Map<string, Entry[]>; entries: number };
const caches = new Map<unknown, Cache>();

function cacheFor(db: Kysely<DB>): Cache {
  const dialect = db.getExecutor().adapter.constructor;
  let cache = caches.get(dialect);
  if (cache === undefined) {
    cache = { byName: new Map(), entries: 0 };
    caches.set(dialect, cache);
  }
  return cache;
}

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
  const cache = cacheFor(db);
  const known = cache.byName.get(name) ?? [];
  let entry = known.find((candidate) => {
    values.length = 0;
    return matches(candidate.shape, args, values);
  });
  if (entry === undefined) {
    if (cache.entries >= MAX_ENTRIES) {
      cache.byName.clear();
      cache.entries = 0;
    }
    values.length = 0;
    const shape = shapeOf(args, values);
    const compiled = build(db, withSlots(args, { next: 0 }) as A).compile();
    entry = { shape, compiled, parameters: compiled.parameters };
    cache.byName.set(name, [...(cache.byName.get(name) ?? []), entry]);
    cache.entries += 1;
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

/** The shape of `value`, collecting its values (leaves) in traversal order. */
function shapeOf(value: unknown, values: unknown[]): Shape {
  if (Array.isArray(value)) {
    return { kind: 'array', items: value.map((item) => shapeOf(item, values)) };
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return { kind: 'object', keys, fields: keys.map((key) => shapeOf(value[key], values)) };
  }
  if (value === undefined) return { kind: 'undefined' };
  values.push(value);
  return { kind: 'value' };
}

/**
 * Whether `value` has `shape`, collecting its values as `shapeOf` does. Compared without
 * building anything: this runs for every query the cache serves.
 */
function matches(shape: Shape, value: unknown, values: unknown[]): boolean {
  switch (shape.kind) {
    case 'value':
      if (value === undefined || Array.isArray(value) || isPlainObject(value)) return false;
      values.push(value);
      return true;
    case 'undefined':
      return value === undefined;
    case 'array':
      return (
        Array.isArray(value) &&
        value.length === shape.items.length &&
        shape.items.every((item, i) => matches(item, value[i], values))
      );
    case 'object':
      return isPlainObject(value) && objectMatches(shape, value, values);
  }
}

function objectMatches(
  shape: Extract<Shape, { kind: 'object' }>,
  value: Record<string, unknown>,
  values: unknown[],
): boolean {
  let count = 0;
  for (const key in value) {
    if (shape.keys[count] !== key) return false;
    const field = shape.fields[count];
    if (field === undefined || !matches(field, value[key], values)) return false;
    count += 1;
  }
  return count === shape.keys.length;
}

/** `value` with every leaf replaced by its slot, in the order `shapeOf` collects them. */
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
