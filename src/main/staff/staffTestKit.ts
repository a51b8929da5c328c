/**
 * Helpers for the staff and audit tests: a real core on a temp folder with a clock the test moves,
 * and short ways to set up staff. Used by tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ApiCallError, type ErrorCode, type Role } from '../../shared/api';
import { createCore, type Core } from '../core';
import { type CallContext, type StaffIdentity, type CoreDeps } from '../kernel';
import { createAuditModule } from '../audit';
import { createStaffModule, type StaffModule, type StaffModuleOptions } from '.';

export interface TestClock {
  nowMs: number;
  advance(ms: number): void;
  now(): Date;
}

export interface TestTill {
  readonly core: Core;
  readonly dir: string;
  readonly clock: TestClock;
  close(): Promise<void>;
}

export const ownerPin = '4826';

export function testClock(startIso = '2026-11-21T09:00:00.000Z'): TestClock {
  const clock: TestClock = {
    nowMs: Date.parse(startIso),
    advance(ms) {
      clock.nowMs += ms;
    },
    now: () => new Date(clock.nowMs),
  };
  return clock;
}

export async function openTestTill(): Promise<TestTill> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-staff-'));
  const clock = testClock();
  const core = await createCore({ dataDir: dir, logger: pino({ level: 'silent' }), now: clock.now });
  return {
    core,
    dir,
    clock,
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The first owner, logged in. */
export async function setupOwner(
  till: TestTill,
  name = 'Olive Owner',
): Promise<{ session: string; staffId: string }> {
  const result = await till.core.call('staff.setupOwner', { name, pin: ownerPin });
  return { session: result.session, staffId: result.staff.staffId };
}

/** Adds a member through the API and logs them in. */
export async function addMember(
  till: TestTill,
  ownerSession: string,
  member: { name: string; role: Role; pin: string },
): Promise<{ session: string; staffId: string; staff: StaffIdentity }> {
  const created = await till.core.call('staff.create', member, ownerSession);
  const login = await till.core.call('staff.login', { staffId: created.staffId, pin: member.pin });
  return { session: login.session, staffId: created.staffId, staff: login.staff };
}

/** Awaits a call that must fail, and returns its error for further checks. */
export async function expectApiError(call: Promise<unknown>, code: ErrorCode): Promise<ApiCallError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiCallError && error.code === code) return error;
    throw new Error(`Expected an ApiCallError "${code}", got: ${String(error)}`, { cause: error });
  }
  throw new Error(`Expected an ApiCallError "${code}", but the call succeeded.`);
}

/**
 * A second staff module on the test core's database, to reach the services other domains get
 * (requireApproval, createStaffMember) the way they call them.
 */
export function staffServiceOn(till: TestTill, options: Partial<StaffModuleOptions> = {}): StaffModule {
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
  return createStaffModule(deps, { audit: createAuditModule(deps).service, ...options });
}

export function contextOf(staff: StaffIdentity | null, session: string | null = null): CallContext {
  return { session, staff, requestId: 'test' };
}

export interface AuditRowForTest {
  staff_id: string | null;
  action: string;
  ref: string | null;
  details: string;
}

export function auditRows(till: TestTill, action?: string): AuditRowForTest[] {
  const sql =
    'SELECT staff_id, action, ref, details FROM audit_log' +
    (action ? ' WHERE action = ?' : '') +
    ' ORDER BY id';
  const statement = till.core.db.prepare(sql);
  return (action ? statement.all(action) : statement.all()) as AuditRowForTest[];
}
