/** Reports: sales figures and exports. Says what they will show, until there are sales to report. */
import { navigate } from '../../app/router';
import { Button, EmptyState, PageHeader, ReportsIcon } from '../../ui';

export function ReportsScreen() {
  return (
    <div className="screen">
      <PageHeader title="Reports" description="Sales, tenders, taxes and shift reports." />
      <div className="screen__panel">
        <EmptyState
          icon={<ReportsIcon />}
          title="Nothing to report yet"
          action={
            <Button variant="secondary" size="lg" onClick={() => navigate('checkout')}>
              Go to Checkout
            </Button>
          }
        >
          <p>
            Once you ring up sales, totals by day, hour, tender, product and staff appear here, with shift Z
            reports and exports for your accountant.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
