import fs from 'node:fs';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createAdmin, describeRefusal } from './admin/create-admin';
import { createServer } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { migrate, openConfiguredDatabase } from './db/database';
import { createLogger } from './logger';

/*
 * `npm run admin -- create-admin --email … --name …`: creates an admin account in the
 * configured database (ATENDO_DATA_DIR or ATENDO_DATABASE_URL, as `npm start` uses). The
 * password is asked twice on a terminal (not echoed); scripts pass it on stdin or with
 * --password-file. It never appears on the command line, where `ps` and shell history see it.
 */

const USAGE = `usage: npm run admin -- create-admin --email <e-mail> --name <name> [--password-file <file>]
  On a terminal the password is asked for; otherwise it is read from stdin (first line).`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'password-file': { type: 'string' },
    },
  });
  if (
    positionals[0] !== 'create-admin' ||
    values.email === undefined ||
    values.name === undefined
  ) {
    throw new Error(USAGE);
  }
  const password = await readPassword(values['password-file']);
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db);
    const { deps } = createServer({ config, db, clock: systemClock, logger });
    const admin = await createAdmin(deps, { email: values.email, name: values.name, password });
    process.stdout.write(
      `Created admin ${admin.name} <${admin.email}>. Sign in with this e-mail.\n`,
    );
  } finally {
    await db.destroy();
  }
}

async function readPassword(file: string | undefined): Promise<string> {
  if (file !== undefined) return firstLine(fs.readFileSync(file, 'utf8'));
  if (!process.stdin.isTTY) return firstLine(fs.readFileSync(0, 'utf8'));
  const first = await askHidden('Password: ');
  const second = await askHidden('Repeat the password: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0] ?? '';

/** Asks on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeRefusal(error)}\n`);
  process.exit(1);
});
