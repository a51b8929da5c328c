/**
 * The audit log: `createAuditModule(deps)` gives the `audit.list` handler and the `record` service
 * every domain calls inside the transaction of the change it records (`audit.record({ staffId,
 * action, ref, details })`), so an entry exists exactly when its change does.
 */
import { monotonicFactory } from 'ulid';
import { type AuditEntry } from '../../shared/api/audit';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { insertAuditEntry, listAuditEntries, type AuditEntryInput } from './auditLog';

export { type AuditEntryInput, type AuditQuery, auditDetailsJson } from './auditLog';
export { type AuditEntry } from '../../shared/api/audit';

export interface AuditService {
  /** Appends one entry, stamped with the core's clock; call it inside the change's transaction. */
  record(entry: AuditEntryInput): AuditEntry;
}

export interface AuditModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: AuditService;
}

export function createAuditModule(deps: CoreDeps): AuditModule {
  const nextId = monotonicFactory();
  const service: AuditService = {
    record(entry) {
      const at = deps.now();
      return insertAuditEntry(deps.db, nextId(at.getTime()), at, entry);
    },
  };
  return {
    service,
    handlers: {
      'audit.list': (input) => listAuditEntries(deps.db, input),
    },
  };
}
