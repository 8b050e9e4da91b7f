import { describe, expect, it } from 'vitest';
import { deriveStatus, type Connection, type SyncStatus } from './sync-engine';

describe('sync status', () => {
  it.each<[Connection, boolean, boolean, SyncStatus]>([
    ['down', false, false, 'offline'],
    ['down', true, true, 'offline'],
    ['connecting', true, true, 'offline'],
    ['connecting', true, false, 'syncing'],
    ['connecting', false, false, 'syncing'],
    ['connected', true, true, 'error'],
    ['connected', true, false, 'syncing'],
    ['connected', false, false, 'online'],
  ])('stream %s, pulling %s, pulls failing %s → %s', (connection, active, failing, status) => {
    expect(deriveStatus(connection, active, failing)).toBe(status);
  });
});
