import { describe, expect, it } from 'vitest';
import { createApprovalQueue } from './approvalQueue';

const refund = { action: 'refund' as const, ref: 'ORDER', reason: 'Refund of order 12.' };
const voidIt = { action: 'void' as const, reason: 'Void order 13.' };

describe('createApprovalQueue', () => {
  it.each([
    ['grant', 'token-1', 'token-1'],
    ['cancel', null, null],
  ] as const)('settles the current request on %s', async (how, token, expected) => {
    const queue = createApprovalQueue();
    const answer = queue.request(refund);
    const current = queue.store.getState().current;
    expect(current?.request).toEqual(refund);
    if (how === 'grant' && token) queue.grant(current!.id, token);
    else queue.cancel(current!.id);
    await expect(answer).resolves.toBe(expected);
    expect(queue.store.getState()).toEqual({ current: null, waiting: [] });
  });

  it('shows requests one at a time, in order', async () => {
    const queue = createApprovalQueue();
    const first = queue.request(refund);
    const second = queue.request(voidIt);
    const state = queue.store.getState();
    expect(state.current?.request.action).toBe('refund');
    expect(state.waiting.map((pending) => pending.request.action)).toEqual(['void']);
    queue.grant(state.current!.id, 'a');
    expect(queue.store.getState().current?.request.action).toBe('void');
    queue.grant(queue.store.getState().current!.id, 'b');
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
  });

  it('cancels a waiting request without touching the one shown', async () => {
    const queue = createApprovalQueue();
    void queue.request(refund);
    const second = queue.request(voidIt);
    const waitingId = queue.store.getState().waiting[0]!.id;
    queue.cancel(waitingId);
    await expect(second).resolves.toBeNull();
    expect(queue.store.getState().current?.request.action).toBe('refund');
    expect(queue.store.getState().waiting).toEqual([]);
  });

  it('cancelAll answers null to everyone and empties the queue', async () => {
    const queue = createApprovalQueue();
    const answers = [queue.request(refund), queue.request(voidIt)];
    queue.cancelAll();
    await expect(Promise.all(answers)).resolves.toEqual([null, null]);
    expect(queue.store.getState()).toEqual({ current: null, waiting: [] });
  });

  it('ignores a second answer to the same request', async () => {
    const queue = createApprovalQueue();
    const answer = queue.request(refund);
    const id = queue.store.getState().current!.id;
    queue.grant(id, 'first');
    queue.cancel(id);
    await expect(answer).resolves.toBe('first');
  });
});
