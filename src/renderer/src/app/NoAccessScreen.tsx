/**
 * What shows when the address names a section the logged-in role may not use (a cashier opening
 * /staff from a bookmark): which section, that it needs another role, and the way back.
 */
import { Button, EmptyState, LockIcon, PageHeader } from '../ui';
import { roleLabels } from './format';
import { useAppState } from './instance';
import { navigate, useRoute } from './router';
import { sectionLabels } from './routes';

export function NoAccessScreen() {
  const route = useRoute();
  const role = useAppState((state) => state.staffSession?.staff.role ?? 'cashier');
  return (
    <div className="screen">
      <PageHeader title={sectionLabels[route.section]} />
      <div className="screen__panel">
        <EmptyState
          icon={<LockIcon />}
          title={`${sectionLabels[route.section]} is not available to you`}
          headingLevel={2}
          action={
            <Button variant="primary" size="lg" onClick={() => navigate('checkout')}>
              Go to Checkout
            </Button>
          }
        >
          <p>
            You are logged in as a {roleLabels[role].toLowerCase()}, and this section needs another role. Lock
            the till and let someone who may use it log in.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
