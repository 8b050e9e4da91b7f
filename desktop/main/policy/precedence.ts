import {
  DEFAULT_SETTINGS,
  DesktopSettings,
  type ResolvedSettings,
  type SettingKey,
  type UserSettings,
} from '@atendo/shared/ipc/settings';
import { policyToLayer, type PolicyRecord, type SettingsLayer } from './policy-record';

type Flat = Partial<Record<SettingKey, unknown>>;

function flatten(layer: SettingsLayer | UserSettings): Flat {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    if (key === 'dialer' || key === 'notifications') {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined) flat[`${key}.${sub}`] = v;
      }
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

function unflatten(flat: Flat): unknown {
  const out: Record<string, unknown> = { dialer: {}, notifications: {} };
  for (const [key, value] of Object.entries(flat)) {
    const [head, sub] = key.split('.');
    if (head && sub) (out[head] as Record<string, unknown>)[sub] = value;
    else if (head) out[head] = value;
  }
  return out;
}

/**
 * Keys whose policy value is only a default the agent may override. Notification choices are
 * personal; the server URL is a default only when IT allows changing the server.
 */
function isPolicyDefault(key: SettingKey, allowServerChange: boolean): boolean {
  if (key.startsWith('notifications.')) return true;
  return key === 'serverUrl' && allowServerChange;
}

/**
 * Machine policy > user settings > defaults, key by key. Policy values that are locks win over
 * the user and are reported as locked so the UI shows them read-only; the rest of the policy
 * sits between the defaults and the user's own choices.
 */
export function resolveSettings(policy: PolicyRecord, user: UserSettings): ResolvedSettings {
  const fromPolicy = flatten(policyToLayer(policy));
  const allowServerChange =
    typeof fromPolicy.allowServerChange === 'boolean'
      ? fromPolicy.allowServerChange
      : DEFAULT_SETTINGS.allowServerChange;
  const policyDefaults: Flat = {};
  const policyLocks: Flat = {};
  for (const [key, value] of Object.entries(fromPolicy) as [SettingKey, unknown][]) {
    if (isPolicyDefault(key, allowServerChange)) policyDefaults[key] = value;
    else policyLocks[key] = value;
  }
  const merged: Flat = {
    ...flatten(DEFAULT_SETTINGS),
    ...policyDefaults,
    ...flatten(user),
    ...policyLocks,
  };
  // AllowServerChange=0 without a ServerUrl locks nothing: there is no address to lock to, and
  // leaving the agent without any server would stop their work (deployment.md says so).
  const locked = (Object.keys(policyLocks) as SettingKey[]).sort();
  return { settings: DesktopSettings.parse(unflatten(merged)), locked };
}
