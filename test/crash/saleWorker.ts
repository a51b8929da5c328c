/**
 * The crash test's victim: opens a demo till on DATA_DIR and, in a loop, rings sales paid in cash
 * or with a tender that settles later (the crash tender, which answers a moment after), refunds
 * earlier sales through whichever tender took them, and now and then closes the shift and opens the
 * next. It prints `ACK <orderId> <paymentId>` only once the order is paid (the moment the cashier is
 * told the sale is done), `REFUND <refundId>` once a refund has its answer. The test kills it with
 * SIGKILL at random moments, in the middle of any of these.
 */
import pino from 'pino';
import { monotonicFactory } from 'ulid';
import { createCore } from '../../src/main/core';
import { createCrashTender, decidedOutcome } from './crashTender';
import { testPinHashParams } from '../../src/main/staff';

const dataDirArgument = process.argv[2];
if (!dataDirArgument) throw new Error('usage: saleWorker.ts DATA_DIR');
const dataDir: string = dataDirArgument;
const ulid = monotonicFactory();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const tender = createCrashTender();
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    tenders: [tender],
  });
  // Whatever the last run left in flight is answered first, as at any start-up.
  await core.payments.reconcileNow();
  const { staff } = await core.call('staff.list', {});
  const marco = staff.find((member) => member.role === 'manager');
  if (!marco) throw new Error('the demo store has no manager');
  const { session } = await core.call('staff.login', { staffId: marco.staffId, pin: '1470' });
  const current = await core.call('shifts.current', {}, session);
  if (current.shift?.status === 'closing') await core.call('shifts.cancelClose', {}, session);
  if (!current.shift) await core.call('shifts.open', { float: { amount: '10000' } }, session);
  const { products } = await core.call('catalog.products', { limit: 50 }, session);
  const variants = products.flatMap((product) => product.variants.map((variant) => variant.id));
  const paidOrders: string[] = [];
  console.log('READY');
  for (let sale = 0; ; sale += 1) {
    const { order } = await core.call('orders.create', {}, session);
    const lines = 1 + (sale % 3);
    for (let line = 0; line < lines; line += 1) {
      const variantId = variants[(sale * 7 + line * 3) % variants.length] as string;
      await core.call('orders.addLine', { orderId: order.id, variantId, quantity: 1 + (line % 2) }, session);
    }
    let paymentId = ulid();
    if (sale % 2 === 1) {
      // A tender that settles later: pending now, decided a moment later.
      await core.call('payments.start', { orderId: order.id, paymentId, tender: 'later' }, session);
      await pause(sale % 5);
      tender.resolve(paymentId, decidedOutcome(paymentId));
    }
    const priced = await core.call('orders.get', { orderId: order.id }, session);
    if (priced.order.status !== 'paid') {
      paymentId = ulid();
      const due = BigInt(priced.order.cashAmountDueMinor);
      await core.call(
        'payments.cash',
        { orderId: order.id, paymentId, tendered: String(due + BigInt(sale % 4) * 100n) },
        session,
      );
    }
    console.log(`ACK ${order.id} ${paymentId}`);
    paidOrders.push(order.id);

    if (sale % 4 === 3) {
      // Refund one unit of an earlier sale through the tenders that took it.
      const orderId = paidOrders[(sale * 5) % paidOrders.length] as string;
      const view = (await core.call('orders.get', { orderId }, session)).order;
      const line = view.lines.find((l) => l.refundableQuantity > 0);
      if (line) {
        const { refund } = await core
          .call(
            'orders.refund',
            { orderId, lines: [{ lineId: line.id, quantity: 1 }], reason: 'crash test' },
            session,
          )
          .catch(() => ({ refund: null }));
        if (refund) {
          for (const share of core.payments.sharesOfRefund(refund.id)) {
            if (share.status === 'pending') tender.resolveRefund(share.id, decidedOutcome(share.id));
          }
          console.log(`REFUND ${refund.id}`);
        }
      }
    }
    if (sale % 9 === 8) {
      // Close the shift (counted exactly) and open the next.
      const { xReport } = await core.call('shifts.startClose', {}, session);
      if (!xReport.cash) throw new Error('The X report holds its figures back (blind count).');
      const expected = BigInt(xReport.cash.expectedMinor);
      const counts = [
        { denominationMinor: '100', count: Number(expected / 100n) },
        { denominationMinor: '1', count: Number(expected % 100n) },
      ];
      await core.call('shifts.close', { counts }, session);
      await core.call('shifts.open', { float: { amount: '10000' } }, session);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
