/**
 * The page's root: follows the start-up flow (splash → pairing, set-up or login → the app) and
 * keeps the toasts on top of whatever shows. The flow itself is started by `startApp()`.
 */
import { ErrorBoundary, Toaster } from '../ui';
import { ApprovalDialogHost } from './approval';
import { AppShell } from './AppShell';
import { app, useAppState } from './instance';
import { LoginScreen } from './LoginScreen';
import { PairScreen, UnreachableScreen } from './PairScreen';
import { SetupScreen } from './SetupScreen';
import { Splash } from './Splash';
import { useReservedKeys } from './useGlobalShortcuts';

function Phase() {
  const phase = useAppState((state) => state.phase);
  switch (phase.kind) {
    case 'starting':
      return <Splash />;
    case 'pairing':
      return <PairScreen reason={phase.reason} />;
    case 'unreachable':
      return <UnreachableScreen message={phase.message} onRetry={() => void app.start()} />;
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen preselectStaffId={phase.preselectStaffId} notice={phase.notice} />;
    case 'ready':
      return <AppShell />;
  }
}

export function App() {
  useReservedKeys();
  return (
    <>
      <ErrorBoundary what="the till">
        <Phase />
      </ErrorBoundary>
      <ErrorBoundary what="the approval dialog">
        <ApprovalDialogHost />
      </ErrorBoundary>
      <ErrorBoundary what="the notices">
        <Toaster />
      </ErrorBoundary>
    </>
  );
}
