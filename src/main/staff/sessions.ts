/**
 * Staff sessions. The client holds a random 32-byte token (base64url); the table holds only its
 * SHA-256, so a copy of the database cannot be used to log in. A session ends on logout, on lock,
 * when its member is deactivated, or after a spell of inactivity (the idle timeout).
 *
 * `resolve` runs before every call, so it reads an in-memory cache in front of the table, and
 * writes the last-seen time back at most once a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type AuditService } from '../audit';
import { type StaffIdentity, type Db } from '../kernel';
import { type Role } from '../../shared/api';

export const defaultSessionIdleMs = 12 * 60 * 60_000;
export const lastSeenWriteIntervalMs = 60_000;
export const sessionTokenBytes = 32;

export type SessionEndReason = 'logout' | 'lock' | 'idle' | 'deactivated';

/** A base64url token of 32 bytes is 43 characters; anything else is not ours and costs no query. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(sessionTokenBytes).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface CachedSession {
  readonly tokenHash: string;
  staff: StaffIdentity;
  /** When the session was last used (in memory, exact). */
  lastSeenMs: number;
  /** The last-seen time last written to the table. */
  lastWrittenMs: number;
}

interface SessionJoinRow {
  token_hash: string;
  last_seen_at: string;
  staff_id: string;
  name: string;
  role: Role;
}

export class SessionStore {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly idleMs: number,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens a session for the member; run it inside the transaction that logs them in. It enters the
   * cache on its first use, read from the table, so a rolled-back login leaves nothing behind.
   */
  create(staff: StaffIdentity): { session: string; expiresAt: string } {
    const session = newToken();
    const nowMs = this.now().getTime();
    const at = new Date(nowMs).toISOString();
    this.db
      .prepare(
        'INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash(session), staff.staffId, at, at);
    return { session, expiresAt: new Date(nowMs + this.idleMs).toISOString() };
  }

  /** The member of a live session, or null (unknown, ended, or idle too long: then it is ended). */
  resolve(token: string): StaffIdentity | null {
    const entry = this.lookup(token);
    if (!entry) return null;
    const nowMs = this.now().getTime();
    if (nowMs - entry.lastSeenMs > this.idleMs) {
      this.endByHash(entry.tokenHash, 'idle', entry.staff.staffId);
      return null;
    }
    entry.lastSeenMs = Math.max(entry.lastSeenMs, nowMs);
    if (nowMs - entry.lastWrittenMs >= lastSeenWriteIntervalMs) {
      this.db
        .prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?')
        .run(new Date(nowMs).toISOString(), entry.tokenHash);
      entry.lastWrittenMs = nowMs;
    }
    return entry.staff;
  }

  /** When the session ends if nobody uses it; null when it is not live. */
  expiresAt(token: string): string | null {
    const entry = this.lookup(token);
    return entry ? new Date(entry.lastSeenMs + this.idleMs).toISOString() : null;
  }

  /** Ends one session; returns whether it was live. */
  end(token: string, reason: 'logout' | 'lock'): boolean {
    const entry = this.lookup(token);
    if (!entry) return false;
    return this.endByHash(entry.tokenHash, reason, entry.staff.staffId);
  }

  /** Ends every live session of a member (deactivated); run it inside that change's transaction. */
  endAllFor(staffId: string, reason: SessionEndReason): number {
    const result = this.db
      .prepare(
        'UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE staff_id = ? AND ended_at IS NULL',
      )
      .run(this.now().toISOString(), reason, staffId);
    this.forgetStaff(staffId);
    return result.changes;
  }

  /** Drops a member's cached sessions, so the next call reads their name, role and state afresh. */
  forgetStaff(staffId: string): void {
    for (const [hash, entry] of this.cache) {
      if (entry.staff.staffId === staffId) this.cache.delete(hash);
    }
  }

  private lookup(token: string): CachedSession | null {
    if (!tokenPattern.test(token)) return null;
    const hash = tokenHash(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const row = this.db
      .prepare(
        `SELECT s.token_hash, s.last_seen_at, st.id AS staff_id, st.name, st.role
           FROM staff_sessions s JOIN staff st ON st.id = s.staff_id
          WHERE s.token_hash = ? AND s.ended_at IS NULL AND st.active = 1`,
      )
      .get(hash) as SessionJoinRow | undefined;
    if (!row) return null;
    const lastSeenMs = Date.parse(row.last_seen_at);
    const entry: CachedSession = {
      tokenHash: row.token_hash,
      staff: { staffId: row.staff_id, name: row.name, role: row.role },
      lastSeenMs,
      lastWrittenMs: lastSeenMs,
    };
    this.cache.set(hash, entry);
    return entry;
  }

  private endByHash(hash: string, reason: SessionEndReason, staffId: string): boolean {
    this.cache.delete(hash);
    const action =
      reason === 'idle' ? 'staff.session_expired' : reason === 'lock' ? 'staff.till_locked' : 'staff.logout';
    return this.db.transaction(() => {
      const result = this.db
        .prepare(
          'UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL',
        )
        .run(this.now().toISOString(), reason, hash);
      if (result.changes === 1) this.audit.record({ staffId, action, details: { reason } });
      return result.changes === 1;
    })();
  }
}
