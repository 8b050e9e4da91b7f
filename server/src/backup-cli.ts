import path from 'node:path';
import { backupDataDir } from './backup';
import { loadConfig } from './config';

/*
 * `npm run backup -- <folder>`: a copy of the server's data directory taken while it runs (see
 * backup.ts). With ATENDO_DATABASE_URL the database is PostgreSQL's to back up (pg_dump); the
 * files are still copied here.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (target === undefined) {
    throw new Error('usage: npm run backup -- <empty or new folder>');
  }
  const config = loadConfig(process.env);
  const result = await backupDataDir(config.dataDir, path.resolve(target), {
    postgres: config.databaseUrl !== null,
  });
  const database =
    result.database ?? 'not copied: the data is in PostgreSQL, back it up with pg_dump';
  process.stdout.write(
    `Backed up ${config.dataDir}\n  database: ${database}\n  files: ${String(result.files)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
