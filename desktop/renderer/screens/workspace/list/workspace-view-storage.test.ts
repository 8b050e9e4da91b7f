import { describe, expect, it } from 'vitest';
import { loadWorkspaceView, saveWorkspaceView } from './workspace-view-storage';

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => {
      items.clear();
    },
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
};

describe('workspace view storage', () => {
  it('restores the tab and the open conversation per agent', () => {
    const storage = memoryStorage();
    saveWorkspaceView(storage, 'agent-ana', { tab: 'active', selectedId: 'conv-1' });
    expect(loadWorkspaceView(storage, 'agent-ana')).toEqual({
      tab: 'active',
      selectedId: 'conv-1',
    });
    expect(loadWorkspaceView(storage, 'agent-bruno')).toEqual({ tab: 'queued', selectedId: null });
  });

  it.each(['not json', '{"tab":"everything"}', '42'])('ignores what does not fit: %s', (raw) => {
    const storage = memoryStorage();
    storage.setItem('atendo.workspace-view.agent-ana', raw);
    expect(loadWorkspaceView(storage, 'agent-ana')).toEqual({ tab: 'queued', selectedId: null });
  });
});
