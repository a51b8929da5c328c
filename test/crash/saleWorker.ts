/**
 * The crash test's victim: opens a demo till on DATA_DIR and rings cash sales in a loop, printing
 * `ACK <orderId> <paymentId>` only after `payments.cash` has returned (the moment the cashier is
 * told the sale is done). The test kills it with SIGKILL at random moments.
 */
import pino from 'pino';
import { monotonicFactory } from 'ulid';
import { createCore } from '../../src/main/core';

const dataDirArgument = process.argv[2];
if (!dataDirArgument) throw new Error('usage: saleWorker.ts DATA_DIR');
const dataDir: string = dataDirArgument;
const ulid = monotonicFactory();

async function main(): Promise<void> {
  const core = await createCore({ dataDir, logger: pino({ level: 'silent' }), config: { mode: 'demo' } });
  const { staff } = await core.call('staff.list', {});
  const casey = staff.find((member) => member.role === 'cashier');
  if (!casey) throw new Error('the demo store has no cashier');
  const { session } = await core.call('staff.login', { staffId: casey.staffId, pin: '3690' });
  const current = await core.call('shifts.current', {}, session);
  if (!current.shift) await core.call('shifts.open', { float: { amount: '10000' } }, session);
  const { products } = await core.call('catalog.products', { limit: 50 }, session);
  const variants = products.flatMap((product) => product.variants.map((variant) => variant.id));
  console.log('READY');
  for (let sale = 0; ; sale += 1) {
    const { order } = await core.call('orders.create', {}, session);
    const lines = 1 + (sale % 3);
    for (let line = 0; line < lines; line += 1) {
      const variantId = variants[(sale * 7 + line * 3) % variants.length] as string;
      await core.call('orders.addLine', { orderId: order.id, variantId, quantity: 1 + (line % 2) }, session);
    }
    const priced = await core.call('orders.get', { orderId: order.id }, session);
    const paymentId = ulid();
    const due = BigInt(priced.order.cashAmountDueMinor);
    await core.call(
      'payments.cash',
      { orderId: order.id, paymentId, tendered: String(due + BigInt(sale % 4) * 100n) },
      session,
    );
    console.log(`ACK ${order.id} ${paymentId}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
