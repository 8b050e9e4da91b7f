import { LoginScreen } from '../screens/login/login-screen';
import { useSession } from '../session/session-context';
import { WorkspaceRoot } from '../screens/workspace/workspace-root';
import { useServerDefaults } from './use-server-defaults';

/** Login until there is a session; then the workspace for that session. */
export function AppRoot() {
  const { session } = useSession();
  const defaults = useServerDefaults();
  if (session === null) {
    return (
      <LoginScreen
        key={defaults.serverUrl}
        defaultServerUrl={defaults.serverUrl}
        serverUrlLocked={defaults.locked}
      />
    );
  }
  return <WorkspaceRoot key={`${session.serverUrl}|${session.agent.id}`} session={session} />;
}
