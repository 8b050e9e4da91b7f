import type { Session } from '../../session/session-storage';

export function WorkspaceRoot({ session }: { session: Session }) {
  return <main aria-label="Atendo">{session.agent.name}</main>;
}
