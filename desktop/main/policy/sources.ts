import { readPolicyRecord, type PolicyProblem, type PolicyRecord } from './policy-record';

/**
 * Parsers for the places IT puts machine policy. Each takes the raw text a tool printed or a
 * file held and returns a validated policy; reading the registry, the plist or the file happens
 * in the electron layer, so these stay pure and testable on any machine.
 */
export type PolicyReading = { source: string; policy: PolicyRecord; problems: PolicyProblem[] };

const REG_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+) {4}(.*)$/;
const REG_EMPTY_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)\s*$/;

function regValue(type: string, text: string): unknown {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : undefined;
    case 'REG_MULTI_SZ':
      return text.length === 0 ? [] : text.split('\\0').filter((s) => s.length > 0);
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return text;
    default:
      return undefined;
  }
}

/**
 * Parses `reg query <key>` output: a key line, then one indented `Name    TYPE    Data` line per
 * value. Subkeys and value types we do not use are ignored.
 */
export function parseRegQueryOutput(output: string, source = 'registry'): PolicyReading {
  const raw: Record<string, unknown> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = REG_LINE.exec(line) ?? REG_EMPTY_LINE.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const value = regValue(match[2], match[3] ?? '');
    if (value !== undefined) raw[match[1]] = value;
  }
  return { source, ...readPolicyRecord(raw) };
}

function parseJsonObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a JSON object';
  }
  return Object.fromEntries(Object.entries(value));
}

/** Parses policy.json. A broken file yields an empty policy and says why. */
export function parsePolicyFile(text: string, source: string): PolicyReading {
  const raw = parseJsonObject(text.replace(/^\uFEFF/, ''));
  if (typeof raw === 'string')
    return { source, policy: {}, problems: [{ key: '*', message: raw }] };
  return { source, ...readPolicyRecord(raw) };
}

/** macOS adds bookkeeping keys to managed preferences; they are not ours to report. */
const PLIST_HOUSEKEEPING =
  /^(PayloadUUID|PayloadIdentifier|PayloadType|PayloadVersion|PayloadDisplayName|PayloadEnabled|PayloadOrganization)$/;

/**
 * Parses `plutil -convert json -o - <managed plist>` output, i.e. the managed preferences of
 * com.atendo.desktop that a configuration profile installs.
 */
export function parseManagedPreferences(jsonText: string, source: string): PolicyReading {
  const raw = parseJsonObject(jsonText);
  if (typeof raw === 'string')
    return { source, policy: {}, problems: [{ key: '*', message: raw }] };
  const ours = Object.fromEntries(Object.entries(raw).filter(([k]) => !PLIST_HOUSEKEEPING.test(k)));
  return { source, ...readPolicyRecord(ours) };
}

export type PolicyLocationInput = {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** process.resourcesPath: the install directory's resources folder. */
  resourcesPath: string;
};

export const POLICY_REGISTRY_KEYS = [
  'HKLM\\Software\\Policies\\Atendo',
  'HKCU\\Software\\Policies\\Atendo',
] as const;

export const MANAGED_PREFERENCES_DOMAIN = 'com.atendo.desktop';

/**
 * Where policy.json may live, strongest first: the system-wide config directory (written by the
 * MSI or by IT tooling, survives upgrades), then next to the app's resources.
 */
export function policyFileLocations({
  platform,
  env,
  resourcesPath,
}: PolicyLocationInput): string[] {
  const sep = platform === 'win32' ? '\\' : '/';
  const inResources = `${resourcesPath}${sep}policy.json`;
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return [`${programData}\\Atendo\\policy.json`, inResources];
  }
  if (platform === 'darwin') {
    return ['/Library/Application Support/Atendo/policy.json', inResources];
  }
  return ['/etc/atendo/policy.json', inResources];
}

/** The managed preferences plists of macOS, per user first as macOS itself applies them. */
export function managedPreferencesFiles(userName: string | undefined): string[] {
  const base = '/Library/Managed Preferences';
  const file = `${MANAGED_PREFERENCES_DOMAIN}.plist`;
  const safeUser = userName && /^[A-Za-z0-9._-]+$/.test(userName) ? userName : undefined;
  return safeUser ? [`${base}/${safeUser}/${file}`, `${base}/${file}`] : [`${base}/${file}`];
}
