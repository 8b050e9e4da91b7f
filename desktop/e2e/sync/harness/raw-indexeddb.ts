/*
 * The store's IndexedDB databases read and shaped with the raw browser API, beneath RxDB and
 * Dexie, so a spec can see exactly what is on disk. The Dexie storage names its databases
 * `rxdb-dexie-<name>--<schema version>--<collection>`, plus `..._rxdb_internal` for RxDB itself.
 */

const prefix = (name: string): string => `rxdb-dexie-${name}--`;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

export async function databaseNames(): Promise<string[]> {
  const all = await indexedDB.databases();
  return all.flatMap((info) => (info.name === undefined ? [] : [info.name])).sort();
}

export async function rawDocuments(
  name: string,
): Promise<{ database: string; store: string; doc: unknown }[]> {
  const names = (await databaseNames()).filter((n) => n.startsWith(prefix(name)));
  const found: { database: string; store: string; doc: unknown }[] = [];
  for (const database of names) {
    const db = await request(indexedDB.open(database));
    for (const store of Array.from(db.objectStoreNames)) {
      const docs = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      for (const doc of docs) found.push({ database, store, doc: doc as unknown });
    }
    db.close();
  }
  return found;
}

/**
 * Creates RxDB's internal database ahead of the store at a far higher version with one unrelated
 * table, the shape a newer build or a damaged profile would leave: opening it the way this build
 * does cannot succeed.
 */
export async function breakDatabase(name: string): Promise<void> {
  const open = indexedDB.open(`${prefix(name)}0--_rxdb_internal`, 9_000);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('not-rxdb');
  };
  const db = await request(open);
  db.close();
}
