/**
 * The customers service: create, change, search, the QR card, the customer of an order, purchase
 * history, merging duplicates (other domains move what they keep: `onMerge`), and export and erasure on
 * request. Every change is one transaction with its audit entry.
 */
import { randomInt } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import QRCode from 'qrcode';
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import {
  customerByCode,
  customerOfOrder,
  getCustomerRow,
  insertCustomer,
  markErased,
  markMerged,
  moveOrders,
  ordersOfCustomer,
  orderStatusOf,
  searchCustomers,
  setOrderCustomer,
  updateCustomerDetails,
  type CustomerRecord,
} from './customersStore';

const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh customer code: "C-" and 8 random Crockford base32 characters (40 bits). */
export function newCustomerCode(): string {
  let code = 'C-';
  for (let i = 0; i < 8; i += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

export interface CustomerView {
  id: string;
  code: string;
  name: string;
  phone: string;
  email: string;
  notes: string;
  mergedInto: string | null;
  erased: boolean;
  createdAt: string;
  updatedAt: string;
}

export function customerView(c: CustomerRecord): CustomerView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    phone: c.phone,
    email: c.email,
    notes: c.notes,
    mergedInto: c.mergedInto,
    erased: c.erasedAt !== null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** What another domain does when a duplicate is merged (inside the merge's transaction). */
export type MergeListener = (duplicateId: string, keepId: string, staffId: string) => void;
/** What another domain adds to a customer's export. */
export type ExportContributor = (customerId: string) => Record<string, unknown>;

export interface CustomerDetails {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  notes?: string | undefined;
}

export type CustomersService = ReturnType<typeof createCustomersService>;

export function createCustomersService(deps: CoreDeps, audit: AuditService) {
  const { db } = deps;
  const ulid = monotonicFactory();
  const nowIso = () => deps.now().toISOString();
  const mergeListeners: MergeListener[] = [];
  const exporters: ExportContributor[] = [];

  const require = (customerId: string): CustomerRecord => {
    const found = getCustomerRow(db, customerId);
    if (!found) throw new TillpointError('not_found', `No customer ${customerId}.`, { customerId });
    return found;
  };
  /** A customer who can still buy, pay and receive coins (not merged away, not erased). */
  const requireLive = (customerId: string): CustomerRecord => {
    const found = require(customerId);
    if (found.mergedInto !== null) {
      throw new TillpointError('conflict', `Customer ${found.code} was merged into another customer.`, {
        customerId,
        mergedInto: found.mergedInto,
        reason: 'customer_merged',
      });
    }
    if (found.erasedAt !== null) {
      throw new TillpointError('conflict', `Customer ${customerId} was erased on request.`, {
        customerId,
        reason: 'customer_erased',
      });
    }
    return found;
  };

  return {
    require,
    requireLive,
    onMerge: (listener: MergeListener) => void mergeListeners.push(listener),
    addExporter: (exporter: ExportContributor) => void exporters.push(exporter),

    create(details: Required<Pick<CustomerDetails, 'name'>> & CustomerDetails, staffId: string) {
      return db.transaction(() => {
        let code = newCustomerCode();
        while (customerByCode(db, code)) code = newCustomerCode();
        const at = nowIso();
        const record: CustomerRecord = {
          id: ulid(deps.now().getTime()),
          code,
          name: details.name,
          phone: details.phone ?? '',
          email: details.email ?? '',
          notes: details.notes ?? '',
          mergedInto: null,
          erasedAt: null,
          coinsActiveAt: null,
          createdBy: staffId,
          createdAt: at,
          updatedAt: at,
        };
        insertCustomer(db, record);
        audit.record({ staffId, action: 'customers.created', ref: record.id, details: { code } });
        return record;
      })();
    },

    update(customerId: string, details: CustomerDetails, staffId: string) {
      return db.transaction(() => {
        const c = requireLive(customerId);
        updateCustomerDetails(
          db,
          customerId,
          {
            code: c.code,
            name: details.name ?? c.name,
            phone: details.phone ?? c.phone,
            email: details.email ?? c.email,
            notes: details.notes ?? c.notes,
          },
          nowIso(),
        );
        audit.record({
          staffId,
          action: 'customers.updated',
          ref: customerId,
          details: {
            fields: Object.keys(details).filter((k) => details[k as keyof CustomerDetails] !== undefined),
          },
        });
        return require(customerId);
      })();
    },

    /** Search by any detail; a scanned code of a merged customer finds the customer it went into. */
    search(query: string, limit = 50): CustomerRecord[] {
      const byCode = /^C-[0-9A-Z]{8}$/i.test(query.trim())
        ? customerByCode(db, query.trim().toUpperCase())
        : null;
      if (byCode) {
        let found: CustomerRecord | null = byCode;
        for (let hops = 0; found?.mergedInto && hops < 16; hops += 1)
          found = getCustomerRow(db, found.mergedInto);
        if (found && found.erasedAt === null && found.mergedInto === null) return [found];
      }
      return searchCustomers(db, query, limit);
    },

    async card(customerId: string) {
      const c = requireLive(customerId);
      const qrSvg = await QRCode.toString(c.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { code: c.code, name: c.name, qrSvg };
    },

    ofOrder(orderId: string): CustomerRecord | null {
      const id = customerOfOrder(db, orderId);
      return id === null ? null : require(id);
    },

    setForOrder(orderId: string, customerId: string | null, staffId: string) {
      return db.transaction(() => {
        const status = orderStatusOf(db, orderId);
        if (status === null) throw new TillpointError('not_found', `No order ${orderId}.`, { orderId });
        if (status !== 'open') {
          throw new TillpointError(
            'conflict',
            `The order is ${status}: its customer can only change while it is open.`,
            {
              orderId,
              status,
              reason: 'order_not_open',
            },
          );
        }
        if (customerId !== null) requireLive(customerId);
        setOrderCustomer(db, orderId, customerId, staffId, nowIso());
        audit.record({ staffId, action: 'orders.customerSet', ref: orderId, details: { customerId } });
        return customerId === null ? null : require(customerId);
      })();
    },

    history: (customerId: string) => {
      require(customerId);
      return ordersOfCustomer(db, customerId);
    },

    merge(keepId: string, duplicateId: string, staffId: string) {
      if (keepId === duplicateId) {
        throw new TillpointError('bad_input', 'A customer cannot be merged into themselves.', { keepId });
      }
      return db.transaction(() => {
        const keep = requireLive(keepId);
        const dup = requireLive(duplicateId);
        const at = nowIso();
        const orders = moveOrders(db, duplicateId, keepId);
        for (const listener of mergeListeners) listener(duplicateId, keepId, staffId);
        // Details the kept customer lacks come from the duplicate; notes are joined.
        updateCustomerDetails(
          db,
          keepId,
          {
            code: keep.code,
            name: keep.name,
            phone: keep.phone || dup.phone,
            email: keep.email || dup.email,
            notes: [keep.notes, dup.notes].filter((n) => n !== '').join('\n'),
          },
          at,
        );
        markMerged(db, duplicateId, keepId, at);
        audit.record({ staffId, action: 'customers.merged', ref: keepId, details: { duplicateId, orders } });
        return require(keepId);
      })();
    },

    exportData(customerId: string): Record<string, unknown> {
      const c = require(customerId);
      const data: Record<string, unknown> = {
        customer: customerView(c),
        orders: ordersOfCustomer(db, customerId),
      };
      for (const exporter of exporters) Object.assign(data, exporter(customerId));
      return data;
    },

    erase(customerId: string, staffId: string) {
      return db.transaction(() => {
        const c = require(customerId);
        if (c.erasedAt !== null) return c;
        markErased(db, customerId, nowIso());
        audit.record({ staffId, action: 'customers.erased', ref: customerId, details: {} });
        return require(customerId);
      })();
    },
  };
}
