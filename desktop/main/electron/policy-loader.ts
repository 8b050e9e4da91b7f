import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import type { Logger } from '../logger';
import { mergePolicies, type PolicyRecord } from '../policy/policy-record';
import {
  managedPreferencesFiles,
  parseManagedPreferences,
  parsePolicyFile,
  parseRegQueryOutput,
  POLICY_REGISTRY_KEYS,
  policyFileLocations,
  type PolicyReading,
} from '../policy/sources';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 5000;

async function tryRead(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function readRegistry(): Promise<PolicyReading[]> {
  const readings: PolicyReading[] = [];
  for (const key of POLICY_REGISTRY_KEYS) {
    try {
      const { stdout } = await run('reg.exe', ['query', key], {
        timeout: TOOL_TIMEOUT_MS,
        windowsHide: true,
      });
      readings.push(parseRegQueryOutput(stdout, key));
    } catch {
      // reg.exe exits with 1 when the key does not exist: no policy there.
    }
  }
  return readings;
}

async function readManagedPreferences(): Promise<PolicyReading[]> {
  const readings: PolicyReading[] = [];
  for (const file of managedPreferencesFiles(userInfo().username)) {
    try {
      const args = ['-convert', 'json', '-o', '-', file];
      const { stdout } = await run('/usr/bin/plutil', args, { timeout: TOOL_TIMEOUT_MS });
      readings.push(parseManagedPreferences(stdout, file));
    } catch {
      // No profile installed for this domain.
    }
  }
  return readings;
}

/**
 * Reads every machine-policy source of this platform, strongest first (registry or managed
 * preferences, then policy.json files), and merges them. Problems are logged, never fatal.
 */
export async function loadMachinePolicy(resourcesPath: string, log: Logger): Promise<PolicyRecord> {
  const platform = process.platform;
  const readings: PolicyReading[] = [];
  if (platform === 'win32') readings.push(...(await readRegistry()));
  if (platform === 'darwin') readings.push(...(await readManagedPreferences()));
  for (const file of policyFileLocations({ platform, env: process.env, resourcesPath })) {
    const text = await tryRead(file);
    if (text !== null) readings.push(parsePolicyFile(text, file));
  }
  for (const r of readings) {
    if (r.problems.length > 0)
      log.warn({ source: r.source, problems: r.problems }, 'policy problems');
  }
  log.info({ sources: readings.map((r) => r.source) }, 'machine policy loaded');
  return mergePolicies(readings.map((r) => r.policy));
}
