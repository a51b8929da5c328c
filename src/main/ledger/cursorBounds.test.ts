/**
 * The ledger and its history cursor accept every amount the contract accepts: a drawer with more than
 * 1,000 movements (more than one page of the drawer's history) at the maximum amounts still reports,
 * starts closing and closes; and the cursor takes balances of any size the ledger holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { maxFiatMinorUnits } from '../../shared/money';
import { postCashTender, startTestCore, type TestTill } from '../shifts/testSupport';
import { openTestLedger, sampleAccounts, type TestLedger } from './testLedger';

const movements = 1_001;

describe('history cursor bounds', () => {
  let t: TestLedger | undefined;
  afterEach(() => t?.close());

  it('pages through more than 1,000 transfers of 10^80 with the balances in the cursor', () => {
    t = openTestLedger();
    const a = sampleAccounts(t.ledger);
    const huge = 10n ** 80n;
    t.ledger.submit(
      Array.from({ length: movements }, (_, i) => [
        {
          id: `huge-${i}`,
          debitAccountId: a.cash,
          creditAccountId: a.revenue,
          amount: huge,
          asset: 'USD',
          code: 'sale',
          ref: '',
        },
      ]),
    );
    let after: string | undefined;
    let seen = 0;
    let last = 0n;
    do {
      const page = t.ledger.history(a.cash, { limit: 1000, ...(after ? { after } : {}) });
      expect(page.opening.net).toBe(huge * BigInt(seen));
      seen += page.entries.length;
      last = page.entries.at(-1)?.balanceAfter.net ?? last;
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toBe(movements);
    expect(last).toBe(huge * BigInt(movements));
    expect(t.ledger.balance(a.cash).net).toBe(last);
  });

  it('refuses a cursor longer than the contract allows, as bad input', () => {
    t = openTestLedger();
    const a = sampleAccounts(t.ledger);
    expect(() => t?.ledger.history(a.cash, { after: 'A'.repeat(5000) })).toThrow(/history cursor/);
  });
});

describe('a drawer at the maximum amounts', () => {
  let till: TestTill | undefined;
  afterEach(() => till?.close());

  it('with more than 1,000 movements still reports, starts closing and closes', async () => {
    till = await startTestCore();
    const { core, owner } = till;
    const max = maxFiatMinorUnits.toString();
    const { shift } = await core.call('shifts.open', { float: { amount: max } }, owner.session);
    await core.call('shifts.cashMovement', { kind: 'pay_in', amount: max, reason: 'change' }, owner.session);
    const current = till;
    core.db.transaction(() => {
      for (let i = 0; i < movements; i += 1) postCashTender(current, shift.id, 'USD', maxFiatMinorUnits);
    })();
    const expected = maxFiatMinorUnits * BigInt(movements + 2);

    const now = await core.call('shifts.current', {}, owner.session);
    expect(now.xReport?.cash?.expectedMinor).toBe(expected.toString());
    const closing = await core.call('shifts.startClose', {}, owner.session);
    expect(closing.xReport.cash?.expectedMinor).toBe(expected.toString());
    const closed = await core.call(
      'shifts.close',
      { counts: [{ denominationMinor: '10000', count: 3 }] },
      owner.session,
    );
    expect(closed.zReport.cash.differenceMinor).toBe((30_000n - expected).toString());
    expect(closed.shift.status).toBe('closed');
  });

  it('refuses a pay-in above the maximum amount (10^80), as bad input', async () => {
    till = await startTestCore();
    const { core, owner } = till;
    await core.call('shifts.open', { float: { amount: '0' } }, owner.session);
    const call = core.call(
      'shifts.cashMovement',
      { kind: 'pay_in', amount: (10n ** 80n).toString(), reason: 'huge' },
      owner.session,
    );
    await expect(call).rejects.toBeInstanceOf(ApiCallError);
    await expect(call).rejects.toMatchObject({ code: 'bad_input', message: /too long|too large/ });
  });
});
