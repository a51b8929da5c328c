import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../../shared/api/errors';
import { type ApprovalRequest } from './approvalQueue';
import { requestFromRefusal, runWithApproval } from './runWithApproval';

const needsApproval = (message = 'A manager must approve this void.') =>
  new ApiCallError({ code: 'approval_required', message, details: { action: 'void', reason: 'missing' } });
const request: ApprovalRequest = { action: 'void', ref: 'ORDER', reason: 'Void order 7.' };

/** A call that fails with approval_required until given one of `accepted`. */
function callAccepting(accepted: string[]) {
  const seen: (string | undefined)[] = [];
  const run = async (approval: string | undefined) => {
    seen.push(approval);
    if (approval !== undefined && accepted.includes(approval)) return { done: approval };
    throw needsApproval();
  };
  return { run, seen };
}

describe('runWithApproval', () => {
  it.each([
    {
      name: 'no approval needed',
      tokens: [],
      accepted: ['x'],
      firstOk: true,
      result: { done: undefined },
      asks: 0,
    },
    {
      name: 'approved once',
      tokens: ['t1'],
      accepted: ['t1'],
      firstOk: false,
      result: { done: 't1' },
      asks: 1,
    },
    {
      name: 'a refused token asks again',
      tokens: ['old', 't2'],
      accepted: ['t2'],
      firstOk: false,
      result: { done: 't2' },
      asks: 2,
    },
    { name: 'cancelled', tokens: [null], accepted: [], firstOk: false, result: null, asks: 1 },
  ])('$name', async ({ tokens, accepted, firstOk, result, asks }) => {
    const { run, seen } = callAccepting(accepted);
    const wrapped = firstOk ? async (approval: string | undefined) => ({ done: approval }) : run;
    const asked: ApprovalRequest[] = [];
    const queue = [...tokens];
    const outcome = await runWithApproval(wrapped, request, async (r) => {
      asked.push(r);
      return queue.shift() ?? null;
    });
    expect(outcome).toEqual(result);
    expect(asked).toHaveLength(asks);
    if (!firstOk) expect(seen[0]).toBeUndefined();
  });

  it('says why when it asks a second time', async () => {
    const { run } = callAccepting(['t2']);
    const asked: string[] = [];
    const tokens = ['expired', 't2'];
    await runWithApproval(run, request, async (r) => {
      asked.push(r.reason);
      return tokens.shift() ?? null;
    });
    expect(asked).toEqual(['Void order 7.', 'A manager must approve this void. Void order 7.']);
  });

  it('passes other failures on untouched', async () => {
    const conflict = new ApiCallError({ code: 'conflict', message: 'The order is paid.' });
    await expect(
      runWithApproval(
        async () => {
          throw conflict;
        },
        request,
        async () => 'never',
      ),
    ).rejects.toBe(conflict);
  });

  it('gives up after the last ask with the core error', async () => {
    const { run, seen } = callAccepting([]);
    await expect(runWithApproval(run, request, async () => 'bad', 2)).rejects.toMatchObject({
      code: 'approval_required',
    });
    expect(seen).toEqual([undefined, 'bad', 'bad']);
  });
});

describe('requestFromRefusal: what the core says it needs wins', () => {
  const refusal = (details: Record<string, unknown>, message = 'Order 1001: the discount goes up.') =>
    new ApiCallError({ code: 'approval_required', message, details });
  it.each([
    {
      name: 'the ref the core names (a pay-out: the shift)',
      asked: { action: 'pay_out', reason: 'Pay-out of $5.00' } as ApprovalRequest,
      details: { action: 'pay_out', reason: 'missing', ref: 'SHIFT' },
      expected: { action: 'pay_out', ref: 'SHIFT', reason: 'Pay-out of $5.00' },
    },
    {
      name: 'a cart change that needs a price override, in the core words',
      asked: { action: 'discount_over_limit', ref: 'ORDER', reason: '' } as ApprovalRequest,
      details: { action: 'price_override', ref: 'ORDER' },
      expected: { action: 'price_override', ref: 'ORDER', reason: 'Order 1001: the discount goes up.' },
    },
    {
      name: 'the discount before and after',
      asked: { action: 'discount_over_limit', ref: 'ORDER', reason: '' } as ApprovalRequest,
      details: {
        action: 'discount_over_limit',
        ref: 'ORDER',
        currency: 'USD',
        discountBeforeMinor: '0',
        discountAfterMinor: '350',
      },
      expected: { amounts: { beforeMinor: '0', afterMinor: '350', currency: 'USD' } },
    },
    {
      name: 'no amounts for a price override that leaves the discount as it was',
      asked: { action: 'discount_over_limit', ref: 'ORDER', reason: '' } as ApprovalRequest,
      details: {
        action: 'price_override',
        ref: 'ORDER',
        currency: 'USD',
        discountBeforeMinor: '0',
        discountAfterMinor: '0',
      },
      expected: { action: 'price_override' },
      noAmounts: true,
    },
    {
      name: 'an unknown action is not taken',
      asked: { action: 'void', ref: 'ORDER', reason: 'Void' } as ApprovalRequest,
      details: { action: 'launch_rockets' },
      expected: { action: 'void', ref: 'ORDER', reason: 'Void' },
    },
  ])('$name', ({ asked, details, expected, ...rest }) => {
    const shown = requestFromRefusal(asked, refusal(details));
    expect(shown).toMatchObject(expected);
    if ('noAmounts' in rest) expect(shown.amounts).toBeUndefined();
  });
});
