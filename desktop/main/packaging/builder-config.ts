import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Test helpers for electron-builder.yml; never bundled into the app. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DESKTOP_DIR = fileURLToPath(new URL('../../', import.meta.url));

const require = createRequire(import.meta.url);

export function loadBuilderConfig(): Record<string, unknown> {
  const yaml = require('js-yaml') as { load: (text: string) => unknown };
  const config = yaml.load(readFileSync(`${REPO_ROOT}electron-builder.yml`, 'utf8'));
  if (typeof config !== 'object' || config === null)
    throw new Error('electron-builder.yml is empty');
  return { ...config };
}

/** app-builder-lib's own validator and schema: the same check `electron-builder` runs. */
export function validateBuilderConfig(config: unknown): void {
  const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
    validateSchema: (schema: unknown, data: unknown, options?: { name?: string }) => void;
  };
  const schema: unknown = JSON.parse(
    readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
  );
  validateSchema(schema, config, { name: 'electron-builder.yml' });
}

/** electron-builder.config.ts as electron-builder itself loads it (through jiti). */
export async function loadDistConfigWithElectronBuilder(): Promise<Record<string, unknown>> {
  const { getConfig } = require('app-builder-lib/out/util/config/load.js') as {
    getConfig: (
      request: { packageKey: string; configFilename: string; projectDir: string },
      configPath: string,
    ) => Promise<{ result: unknown }>;
  };
  const { result } = await getConfig(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: DESKTOP_DIR },
    '../electron-builder.config.ts',
  );
  if (typeof result !== 'object' || result === null) throw new Error('no configuration');
  return { ...result };
}
