import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserSettings } from '@atendo/shared/ipc/settings';

/**
 * The agent's own settings, a JSON file in the user-data folder. A damaged file counts as
 * empty rather than stopping the app; writes go through a temp file so a crash cannot leave
 * half a file behind.
 */
export function userSettingsStore(userData: string) {
  const file = join(userData, 'settings.json');
  return {
    async load(): Promise<UserSettings> {
      try {
        const parsed = UserSettings.safeParse(JSON.parse(await readFile(file, 'utf8')));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
    async save(settings: UserSettings): Promise<void> {
      const tmp = `${file}.tmp`;
      await writeFile(tmp, JSON.stringify(settings, null, 2), 'utf8');
      await rename(tmp, file);
    },
  };
}

/** Applies a patch from the settings screen; nested groups merge key by key. */
export function mergeUserSettings(current: UserSettings, patch: UserSettings): UserSettings {
  return UserSettings.parse({
    ...current,
    ...patch,
    dialer: { ...current.dialer, ...patch.dialer },
    notifications: { ...current.notifications, ...patch.notifications },
  });
}
