/** What the core knows about the caller of one handler. */
import { type Role } from '../../shared/api';

export interface StaffIdentity {
  readonly staffId: string;
  readonly name: string;
  readonly role: Role;
}

export interface CallContext {
  /** The staff session token sent by the client, or null. */
  readonly session: string | null;
  /** Resolved from the session by the dispatcher before the handler runs. */
  readonly staff: StaffIdentity | null;
  /** Correlates log lines of one call. */
  readonly requestId: string;
}

/**
 * The context of a handler that needs a staff session (any permission but `public`): the dispatcher
 * resolved the session before the handler runs, so the staff member is never null.
 */
export interface StaffCallContext extends CallContext {
  readonly session: string;
  readonly staff: StaffIdentity;
}

/** Resolves a session token to a staff member; the staff domain provides it. */
export type SessionResolver = (session: string) => StaffIdentity | null;
