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
            Each closed shift’s Z report has its sales, taxes, tenders, refunds, voids and cash count, ready
            to print: find it in Shift, past shifts included. Every sale is in Orders.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
