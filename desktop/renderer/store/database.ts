/// <reference types="vite/client" />
import { addRxPlugin, createRxDatabase, removeRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Disposition, Tag, Template } from '@atendo/shared/schemas/catalog';
import {
  contactSchema,
  conversationSchema,
  DIRECTORY_MIGRATIONS,
  directorySchema,
  dispositionSchema,
  messageSchema,
  tagSchema,
  templateSchema,
  type DirectoryRecord,
} from './replicated-schemas';
import { draftSchema, outboxSchema, type DraftRecord, type OutboxRecord } from './local-schemas';

export type AtendoCollections = {
  conversations: RxCollection<Conversation>;
  messages: RxCollection<Message>;
  contacts: RxCollection<Contact>;
  templates: RxCollection<Template>;
  tags: RxCollection<Tag>;
  dispositions: RxCollection<Disposition>;
  directory: RxCollection<DirectoryRecord>;
  drafts: RxCollection<DraftRecord>;
  outbox: RxCollection<OutboxRecord>;
};
export type AtendoDatabase = RxDatabase<AtendoCollections>;

// Nine collections: the open-source RxDB build allows 13 per process (see ARCHITECTURE.md).
const COLLECTIONS = {
  conversations: { schema: conversationSchema },
  messages: { schema: messageSchema },
  contacts: { schema: contactSchema },
  templates: { schema: templateSchema },
  tags: { schema: tagSchema },
  dispositions: { schema: dispositionSchema },
  directory: { schema: directorySchema, migrationStrategies: DIRECTORY_MIGRATIONS },
  drafts: { schema: draftSchema },
  outbox: { schema: outboxSchema },
};

addRxPlugin(RxDBLocalDocumentsPlugin);
// Purges the tombstones that evictions and scope removals leave (eviction.ts).
addRxPlugin(RxDBCleanupPlugin);
// Schema migrations keep an agent's local data when a collection's schema gains a field.
addRxPlugin(RxDBMigrationSchemaPlugin);

let devModeReady: Promise<void> | null = null;

/**
 * Dev-mode checks every schema and query but injects an iframe to an external site, so it is
 * loaded only in development; `import.meta.env.DEV` is false in a build and the dynamic imports
 * are dropped with the dead branch. Dev-mode demands schema validation, hence the validator.
 */
async function withDevMode(
  storage: RxStorage<unknown, unknown>,
): Promise<RxStorage<unknown, unknown>> {
  devModeReady ??= import('rxdb/plugins/dev-mode').then(
    ({ RxDBDevModePlugin, disableWarnings }) => {
      disableWarnings();
      addRxPlugin(RxDBDevModePlugin);
    },
  );
  await devModeReady;
  const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
  return wrappedValidateAjvStorage({ storage });
}

export type OpenDatabaseOptions = {
  name: string;
  storage?: RxStorage<unknown, unknown>;
  devMode?: boolean;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<AtendoDatabase> {
  const base = options.storage ?? getRxStorageDexie();
  // `import.meta.env.DEV` comes first so a build, where it is the constant false, drops the
  // dev-mode branch and its imports entirely; `devMode: false` turns it off in development.
  const devMode = import.meta.env.DEV && (options.devMode ?? true);
  const storage = devMode ? await withDevMode(base) : base;
  const database = await createRxDatabase<AtendoCollections>({
    name: options.name,
    storage,
    // One window per agent: no cross-tab leader election, which would delay replication.
    multiInstance: false,
    eventReduce: true,
    // Sync checkpoints (sync-checkpoints.ts) live here rather than in a tenth collection.
    localDocuments: true,
  });
  try {
    await database.addCollections(COLLECTIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Removes every trace of the local database so it can be created again from the server. RxDB's
 * own removal only empties the Dexie tables: a table left with another shape (an incompatible or
 * corrupt database) would break the new one, so the IndexedDB databases behind the Dexie storage
 * are then deleted by name as well. RxDB's removal may itself fail on a broken internal store.
 */
export async function wipeDatabase(
  name: string,
  storage?: RxStorage<unknown, unknown>,
): Promise<void> {
  try {
    await removeRxDatabase(name, storage ?? getRxStorageDexie(), false);
  } catch {
    // What could not be removed through RxDB is deleted below.
  }
  await deleteIndexedDbDatabases(`rxdb-dexie-${name}--`);
}

async function deleteIndexedDbDatabases(prefix: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const existing = await indexedDB.databases();
  const names = existing.flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
  await Promise.all(
    names.map(
      (dbName) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(dbName);
          request.onsuccess = () => {
            resolve();
          };
          request.onerror = () => {
            reject(request.error ?? new Error(`Could not delete ${dbName}`));
          };
        }),
    ),
  );
}
