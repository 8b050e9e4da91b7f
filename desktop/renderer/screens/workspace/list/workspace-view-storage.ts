import { z } from 'zod';

/**
 * What the agent had open (the list's tab and the conversation), kept on this machine per agent
 * so a reload (or a crash of the window) reopens the same place. Only ids: what a conversation
 * says is in the local store, which the agent's scope already governs.
 */
const WorkspaceView = z.object({
  tab: z.enum(['queued', 'active']),
  selectedId: z.string().min(1).max(64).nullable(),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;

const DEFAULT_VIEW: WorkspaceView = { tab: 'queued', selectedId: null };

const keyFor = (agentId: string): string => `atendo.workspace-view.${agentId}`;

export function loadWorkspaceView(storage: Storage, agentId: string): WorkspaceView {
  try {
    const parsed = WorkspaceView.safeParse(JSON.parse(storage.getItem(keyFor(agentId)) ?? 'null'));
    return parsed.success ? parsed.data : DEFAULT_VIEW;
  } catch {
    return DEFAULT_VIEW;
  }
}

export function saveWorkspaceView(storage: Storage, agentId: string, view: WorkspaceView): void {
  try {
    storage.setItem(keyFor(agentId), JSON.stringify(view));
  } catch {
    // A full or disabled storage only costs the restore after a reload.
  }
}
