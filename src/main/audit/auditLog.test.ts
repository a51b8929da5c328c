import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CoreDeps } from '../kernel';
import { addMember, expectApiError, openTestTill, setupOwner, type TestTill } from '../staff/staffTestKit';
import { auditDetailsJson } from './auditLog';
import { createAuditModule, type AuditService } from '.';

describe('auditDetailsJson', () => {
  it.each([
    ['no details', undefined, '{}'],
    ['empty details', {}, '{}'],
    ['a bigint amount', { amountMinor: 1250n, asset: 'USD' }, '{"amountMinor":"1250","asset":"USD"}'],
    ['nested bigints', { nested: { list: [1n, 'a', null] } }, '{"nested":{"list":["1","a",null]}}'],
  ])('%s → %s', (_label, details, json) => {
    expect(auditDetailsJson(details)).toBe(json);
  });
});

describe('audit log', () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  let audit: AuditService;
  beforeEach(async () => {
    till = await openTestTill();
    owner = await setupOwner(till);
    const deps: CoreDeps = {
      db: till.core.db,
      dataDir: till.dir,
      config: till.core.config,
      events: till.core.events,
      logger: till.core.logger,
      now: till.clock.now,
      startedAt: till.clock.now(),
      serviceHealth: () => [],
    };
    audit = createAuditModule(deps).service;
  });
  afterEach(() => till.close());

  it('records an entry stamped with the core clock, and lists it', async () => {
    till.clock.advance(1000);
    const entry = audit.record({
      staffId: owner.staffId,
      action: 'sales.refund',
      ref: 'order-1',
      details: { amountMinor: 500n },
    });
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      at: new Date(till.clock.nowMs).toISOString(),
      staffId: owner.staffId,
      action: 'sales.refund',
      ref: 'order-1',
      details: { amountMinor: '500' },
    });
    const listed = await till.core.call('audit.list', { action: 'sales.refund' }, owner.session);
    expect(listed).toEqual({ entries: [entry], nextAfter: null });
    const system = audit.record({ action: 'system.started' });
    expect(system).toMatchObject({ staffId: null, ref: null, details: {} });
  });

  it.each([['Sales.refund'], ['refund'], ['sales.'], ['sales.re fund'], ['a.' + 'b'.repeat(80)]])(
    'refuses the action name %j and writes nothing',
    (action) => {
      const before = till.core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
      expect(() => audit.record({ action })).toThrow(expect.objectContaining({ code: 'bad_input' }));
      expect(till.core.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    },
  );

  it('is append-only', () => {
    audit.record({ action: 'test.entry' });
    expect(() => till.core.db.prepare("UPDATE audit_log SET action = 'test.changed'").run()).toThrow(
      /append-only/,
    );
    expect(() => till.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('filters by time, staff member and action, and pages on with after', async () => {
    const start = till.clock.nowMs;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      till.clock.advance(60_000);
      ids.push(
        audit.record({ staffId: i % 2 === 0 ? 'S-even' : 'S-odd', action: 'test.tick', ref: `t${i}` }).id,
      );
    }
    const call = (input: Parameters<typeof till.core.call<'audit.list'>>[1]) =>
      till.core.call('audit.list', input, owner.session);
    const refs = async (input: Parameters<typeof call>[0]) => (await call(input)).entries.map((e) => e.ref);

    expect(await refs({ action: 'test.tick' })).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(await refs({ staffId: 'S-odd' })).toEqual(['t1', 't3']);
    // from is inclusive, to exclusive; a time without milliseconds still matches.
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    expect(await refs({ action: 'test.tick', from: at(2), to: at(4) })).toEqual(['t1', 't2']);

    const first = await call({ action: 'test.tick', limit: 2 });
    expect(first.entries.map((e) => e.ref)).toEqual(['t0', 't1']);
    expect(first.nextAfter).toBe(ids[1]);
    const second = await call({ action: 'test.tick', limit: 2, after: first.nextAfter ?? '' });
    expect(second.entries.map((e) => e.ref)).toEqual(['t2', 't3']);
    const last = await call({ action: 'test.tick', limit: 2, after: second.nextAfter ?? '' });
    expect(last).toEqual({ entries: [expect.objectContaining({ ref: 't4' })], nextAfter: null });

    // Newest first, for the activity screen: the same pages, read backwards.
    const newest = await call({ action: 'test.tick', limit: 2, order: 'newest_first' });
    expect(newest.entries.map((e) => e.ref)).toEqual(['t4', 't3']);
    const older = await call({
      action: 'test.tick',
      limit: 2,
      order: 'newest_first',
      after: newest.nextAfter ?? '',
    });
    expect(older.entries.map((e) => e.ref)).toEqual(['t2', 't1']);
    const oldest = await call({
      action: 'test.tick',
      limit: 2,
      order: 'newest_first',
      after: older.nextAfter ?? '',
    });
    expect(oldest).toEqual({ entries: [expect.objectContaining({ ref: 't0' })], nextAfter: null });

    await expectApiError(call({ limit: 0 }), 'bad_input');
    await expectApiError(call({ from: 'yesterday' }), 'bad_input');
    await expectApiError(call({ order: 'sideways' } as never), 'bad_input');
  });

  it('needs reports.read: a manager may list, a cashier may not', async () => {
    const manager = await addMember(till, owner.session, { name: 'Mia', role: 'manager', pin: '7351' });
    const cashier = await addMember(till, owner.session, { name: 'Cal', role: 'cashier', pin: '5937' });
    const { entries } = await till.core.call('audit.list', { staffId: cashier.staffId }, manager.session);
    expect(entries.map((e) => e.action)).toEqual(['staff.login']);
    await expectApiError(till.core.call('audit.list', {}, cashier.session), 'forbidden');
    await expectApiError(till.core.call('audit.list', {}), 'unauthorized');
  });
});
