/**
 * What `npm run dist -w @atendo/desktop` builds with: electron-builder.yml plus the code
 * signing the build machine's environment asks for (desktop/main/packaging/signing.ts). Without
 * any signing variables the installers are built unsigned, as before.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { withSigning, type BuilderConfig } from './desktop/main/packaging/signing';

const here = dirname(fileURLToPath(import.meta.url));
const base = load(readFileSync(join(here, 'electron-builder.yml'), 'utf8'));
if (typeof base !== 'object' || base === null) throw new Error('electron-builder.yml is empty');

const config: BuilderConfig = withSigning({ ...base }, process.env);
export default config;
