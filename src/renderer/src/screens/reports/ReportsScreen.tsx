/** Reports: there is no reports page yet. Says where the figures are today: Z reports and Orders. */
import { navigate } from '../../app/router';
import { Button, EmptyState, PageHeader, ReportsIcon } from '../../ui';

export function ReportsScreen() {
  return (
    <div className="screen">
      <PageHeader title="Reports" description="Your sales figures are in each shift’s Z report." />
      <div className="screen__panel">
        <EmptyState
          icon={<ReportsIcon />}
          title="No reports on this page yet"
          action={
            <Button variant="secondary" size="lg" onClick={() => navigate('shift')}>
              Go to Shift
            </Button>
          }
        >
          <p>
            When a shift closes, its Z report shows its sales, taxes, sales by tender, refunds and voids, and
            the cash counted. Find it in Shift, with the reports of past shifts, ready to print. Every single
            sale is in Orders.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
