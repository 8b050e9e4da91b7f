import { createContext, useContext, type ReactNode } from 'react';
import type { Actor } from '@atendo/shared/schemas/agent';
import type { WorkspaceServices } from './workspace-services';

const WorkspaceContext = createContext<WorkspaceServices | null>(null);

export function WorkspaceProvider(props: { services: WorkspaceServices; children: ReactNode }) {
  return (
    <WorkspaceContext.Provider value={props.services}>{props.children}</WorkspaceContext.Provider>
  );
}

export function useWorkspace(): WorkspaceServices {
  const value = useContext(WorkspaceContext);
  if (value === null) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** The signed-in agent as the shared rules see them. */
export function useActor(): Actor {
  const { agent } = useWorkspace().session;
  return { id: agent.id, role: agent.role, teamIds: agent.teamIds, permissions: agent.permissions };
}
