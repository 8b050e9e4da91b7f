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
 * Makes the store's existing database incompatible with this build, as a profile written by
 * another build (or damaged) would be: every collection's recorded schema hash
 * and recorded schema are changed, so RxDB refuses to open the collections (error DB6) and the store must wipe and resync.
 */
export async function breakDatabase(name: string): Promise<void> {
  const db = await request(indexedDB.open(`${prefix(name)}0--_rxdb_internal`));
  const store = db.transaction('docs', 'readwrite').objectStore('docs');
  const docs = (await request(store.getAll())) as {
    context?: string;
    data?: { schemaHash?: string; schema?: { properties?: object } };
  }[];
  const collections = docs.filter((doc) => doc.context === 'collection' && doc.data !== undefined);
  if (collections.length === 0) throw new Error(`No RxDB database named ${name} to break.`);
  const write = db.transaction('docs', 'readwrite').objectStore('docs');
  await Promise.all(
    collections.map((doc) =>
      request(
        write.put({
          ...doc,
          data: {
            ...doc.data,
            schemaHash: 'from-another-build',
            schema: {
              ...doc.data?.schema,
              properties: { ...doc.data?.schema?.properties, fromAnotherBuild: { type: 'string' } },
            },
          },
        }),
      ),
    ),
  );
  db.close();
}
