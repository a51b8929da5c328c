/**
 * An open shift: what the drawer should hold now and how it got there (the live X figures from
 * shifts.current; under the store's blind count the core holds them back from a cashier), sales so far, the cash movements, and the drawer actions — Pay in, Pay out,
 * Safe drop, No sale — and Close shift, which starts the close (payments pause) and goes to the count.
 */
import { useState } from 'react';
import { client } from '../../api';
import { type CashMovementKind, type ShiftView, type XReport } from '../../../../shared/api/shifts';
import { Badge, Button, Card, Money, StatusPill, toast, useDisplayLocale } from '../../ui';
import { CashMovementDialog } from './CashMovementDialog';
import { FigureTable } from './FigureTable';
import { NoSaleDialog } from './NoSaleDialog';
import { formatDateTime, formatMoment } from '../../app/format';
import { cashSection, movementLabels, salesSections } from './zReportModel';

export interface ShiftDashboardProps {
  shift: ShiftView;
  xReport: XReport | null;
  onChanged: () => void;
  onClosingStarted: (shift: ShiftView, xReport: XReport) => void;
}

export function ShiftDashboard({ shift, xReport, onChanged, onClosingStarted }: ShiftDashboardProps) {
  const locale = useDisplayLocale();
  const [movement, setMovement] = useState<CashMovementKind | null>(null);
  const [noSaleOpen, setNoSaleOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const currency = shift.currency;

  const startClose = async () => {
    setClosing(true);
    try {
      const result = await client.invoke('shifts.startClose', {});
      onClosingStarted(result.shift, result.xReport);
    } catch (error) {
      toast.error(error, { title: 'The close did not start' });
    } finally {
      setClosing(false);
    }
  };

  return (
    <div className="shift-open">
      <Card className="drawer-hero">
        <div className="drawer-hero__top">
          <div className="drawer-hero__who">
            <div className="drawer-hero__title">
              <h2>Shift {shift.number}</h2>
              <StatusPill tone="success">Open</StatusPill>
            </div>
            <p className="muted">
              Opened {formatDateTime(shift.openedAt, locale)} by {shift.openedBy.name}
            </p>
          </div>
          <div className="drawer-hero__expected">
            <span className="drawer-hero__label">Expected in drawer</span>
            {xReport?.cash ? (
              <Money
                value={{ amount: xReport.cash.expectedMinor, asset: currency }}
                size="xl"
                data-testid="x-expected"
              />
            ) : xReport?.blind ? (
              <span className="muted" data-testid="x-expected-blind">
                Blind count: shown at close
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </div>
        </div>
        <div className="drawer-actions" role="group" aria-label="Drawer actions">
          <Button size="lg" onClick={() => setMovement('pay_in')}>
            Pay in
          </Button>
          <Button size="lg" onClick={() => setMovement('pay_out')}>
            Pay out
          </Button>
          <Button size="lg" onClick={() => setMovement('drop')}>
            Safe drop
          </Button>
          <Button size="lg" onClick={() => setNoSaleOpen(true)}>
            No sale
          </Button>
          <Button
            variant="primary"
            size="lg"
            className="drawer-actions__close"
            loading={closing}
            onClick={() => void startClose()}
          >
            Close shift
          </Button>
        </div>
      </Card>

      {xReport && (
        <div className="shift-figures">
          <div className="shift-figures__column">
            {xReport.cash ? (
              <Card>
                <FigureTable section={cashSection(xReport.cash)} currency={currency} />
              </Card>
            ) : (
              <Card title="Drawer and sales figures">
                <p className="muted">
                  This store counts the drawer blind: the expected cash and the sales figures are kept from
                  the count and shown on the Z report when the shift closes. A manager sees them on this
                  screen.
                </p>
              </Card>
            )}
            <Card
              title="Cash movements"
              description={`${xReport.noSales} no-sale drawer ${xReport.noSales === 1 ? 'open' : 'opens'} this shift.`}
            >
              {xReport.movements.length === 0 ? (
                <p className="muted">No pay-ins, pay-outs or safe drops yet.</p>
              ) : (
                <ul className="movement-list">
                  {[...xReport.movements].reverse().map((item) => (
                    <li key={item.id} className="movement-list__item">
                      <Badge
                        tone={item.kind === 'pay_in' ? 'success' : item.kind === 'drop' ? 'info' : 'warning'}
                      >
                        {movementLabels[item.kind]}
                      </Badge>
                      <span className="movement-list__reason">{item.reason}</span>
                      <span className="movement-list__who">
                        {item.staff.name}
                        {item.approvedBy && item.approvedBy.staffId !== item.staff.staffId
                          ? ` · approved by ${item.approvedBy.name}`
                          : ''}
                        {' · '}
                        {formatMoment(item.at, locale, new Date())}
                      </span>
                      <Money
                        value={{ amount: item.amountMinor, asset: currency }}
                        className="movement-list__amount"
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          {!xReport.blind && (
            <Card>
              <div className="shift-figures__sales">
                {salesSections(xReport.sales).map((section) => (
                  <FigureTable key={section.id} section={section} currency={currency} />
                ))}
              </div>
            </Card>
          )}
        </div>
      )}

      <CashMovementDialog
        kind={movement}
        currency={currency}
        onClose={() => setMovement(null)}
        onDone={() => {
          setMovement(null);
          onChanged();
        }}
      />
      <NoSaleDialog
        open={noSaleOpen}
        onClose={() => setNoSaleOpen(false)}
        onDone={() => {
          setNoSaleOpen(false);
          onChanged();
        }}
      />
    </div>
  );
}
