/**
 * The `staff.*` handlers and events: first-run owner setup, "tap your name, type your PIN" login,
 * sessions, staff management, and manager approvals (a manager's PIN for refunds, voids, big
 * discounts, no-sale drawer opens and price overrides).
 */
import { z } from 'zod';
import { text } from './bounds';
import { defineEvent, defineHandler } from './define';
import { permissions, roles } from './permissions';

/** Risky actions that need a manager's approval when a cashier does them. */
export const approvalActions = [
  'refund',
  'void',
  'discount_over_limit',
  'no_sale',
  'pay_out',
  'price_override',
  'carry_payments',
] as const;
export type ApprovalAction = (typeof approvalActions)[number];

export const pinMinDigits = 4;
export const pinMaxDigits = 8;

export const staffIdSchema = text({
  max: 26,
  trim: false,
  pattern: /^[0-9A-HJKMNP-TV-Z]{26}$/,
  patternMessage: 'A staff id is a 26-character ULID (0-9 and capital letters).',
});

/** A PIN being set: 4 to 8 digits. Whether it is too easy to guess is checked by the core. */
const newPinMessage = `A PIN is ${pinMinDigits} to ${pinMaxDigits} digits (0-9), nothing else.`;
export const newPinSchema = text({
  max: pinMaxDigits,
  maxMessage: newPinMessage,
  trim: false,
  pattern: new RegExp(`^[0-9]{${pinMinDigits},${pinMaxDigits}}$`),
  patternMessage: newPinMessage,
});

/** A PIN being typed to prove who you are: digits only; a wrong length is just a wrong PIN. */
export const enteredPinSchema = text({
  max: 16,
  maxMessage: 'A PIN is digits only (0-9).',
  trim: false,
  pattern: /^[0-9]{1,16}$/,
  patternMessage: 'A PIN is digits only (0-9).',
});

export const staffNameSchema = text({
  max: 60,
  maxMessage: 'A name is at most 60 characters.',
  min: 1,
  minMessage: 'A name is needed.',
});

export const staffIdentitySchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(roles),
});

/** What the login screen shows for one member. */
export const staffCardSchema = staffIdentitySchema.extend({
  initials: z.string(),
  lockedUntil: z.iso
    .datetime()
    .nullable()
    .describe('set while too many wrong PINs keep the member locked out'),
});

/** A member as the management screen sees them. */
export const staffRecordSchema = staffCardSchema.extend({
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
});

const sessionOutputSchema = z.object({
  session: z.string().describe('the session token: send it with every call'),
  staff: staffIdentitySchema,
  expiresAt: z.iso.datetime().describe('when the session ends if it is not used before (idle timeout)'),
});

export const staffStatus = defineHandler({
  name: 'staff.status',
  summary: 'Whether this till still needs its first owner (no staff at all yet).',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({ needsSetup: z.boolean() }),
});

export const staffSetupOwner = defineHandler({
  name: 'staff.setupOwner',
  summary: 'First run only: creates the owner and logs them in. Refused once any staff member exists.',
  permission: 'public',
  input: z.object({ name: staffNameSchema, pin: newPinSchema }).strict(),
  output: sessionOutputSchema,
});

export const staffList = defineHandler({
  name: 'staff.list',
  summary:
    "The active staff for the login screen: name, role, initials and any lockout, and the store's fixed PIN " +
    'length (the PIN pad submits by itself at it; null: any length from 4 to 8, with Enter).',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({
    staff: z.array(staffCardSchema),
    pinLength: z.number().int().min(4).max(8).nullable(),
  }),
});

export const staffLogin = defineHandler({
  name: 'staff.login',
  summary: 'Logs a staff member in with their PIN. Five wrong PINs in a row lock them out for a while.',
  permission: 'public',
  input: z.object({ staffId: staffIdSchema, pin: enteredPinSchema }).strict(),
  output: sessionOutputSchema,
});

export const staffLogout = defineHandler({
  name: 'staff.logout',
  summary: 'Ends the calling session.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({ ended: z.literal(true) }),
});

export const staffLock = defineHandler({
  name: 'staff.lock',
  summary: 'Locks the till: ends the calling session, so the next person must type their PIN.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({ ended: z.literal(true) }),
});

export const staffMe = defineHandler({
  name: 'staff.me',
  summary: 'Who is logged in on this session, what they may do, and when the session ends if idle.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({
    staff: staffIdentitySchema,
    initials: z.string(),
    permissions: z.array(z.enum(permissions)),
    expiresAt: z.iso.datetime(),
  }),
});

export const staffListAll = defineHandler({
  name: 'staff.listAll',
  summary: 'Every staff member, inactive ones too, for the management screen.',
  permission: 'staff.manage',
  input: z.object({}).strict(),
  output: z.object({ staff: z.array(staffRecordSchema) }),
});

export const staffCreate = defineHandler({
  name: 'staff.create',
  summary: 'Adds a staff member with a role and a PIN.',
  permission: 'staff.manage',
  input: z.object({ name: staffNameSchema, role: z.enum(roles), pin: newPinSchema }).strict(),
  output: staffRecordSchema,
});

export const staffUpdate = defineHandler({
  name: 'staff.update',
  summary:
    'Renames, changes the role of, deactivates or reactivates a member. The last active owner stays an owner.',
  permission: 'staff.manage',
  input: z
    .object({
      staffId: staffIdSchema,
      name: staffNameSchema.optional(),
      role: z.enum(roles).optional(),
      active: z.boolean().optional(),
    })
    .strict(),
  output: staffRecordSchema,
});

export const staffSetPin = defineHandler({
  name: 'staff.setPin',
  summary: "Sets a member's PIN (a forgotten PIN); also lifts any lockout.",
  permission: 'staff.manage',
  input: z.object({ staffId: staffIdSchema, pin: newPinSchema }).strict(),
  output: z.object({ staffId: z.string(), updatedAt: z.iso.datetime() }),
});

export const staffChangeOwnPin = defineHandler({
  name: 'staff.changeOwnPin',
  summary: 'Changes your own PIN; wrong current PINs count toward your lockout.',
  permission: 'session',
  input: z.object({ currentPin: enteredPinSchema, newPin: newPinSchema }).strict(),
  output: z.object({ staffId: z.string(), updatedAt: z.iso.datetime() }),
});

export const staffApprove = defineHandler({
  name: 'staff.approve',
  summary:
    'A manager or owner types their PIN to approve one risky action: returns a single-use approval token, valid 2 minutes, bound to the action and to what it is for (ref).',
  permission: 'session',
  input: z
    .object({
      staffId: staffIdSchema.describe('the approving manager or owner'),
      pin: enteredPinSchema,
      action: z.enum(approvalActions),
      ref: text({ max: 200, min: 1, trim: false }).describe(
        'what is approved: the order id (refund, void, discount_over_limit, price_override) or the shift id ' +
          '(pay_out, no_sale; the till id when no shift is open): the `ref` of the approval_required details',
      ),
    })
    .strict(),
  output: z.object({
    approval: z.string().describe('pass it to the call that needs the approval'),
    approvedBy: staffIdentitySchema,
    expiresAt: z.iso.datetime(),
  }),
});

export const staffHandlers = [
  staffStatus,
  staffSetupOwner,
  staffList,
  staffLogin,
  staffLogout,
  staffLock,
  staffMe,
  staffListAll,
  staffCreate,
  staffUpdate,
  staffSetPin,
  staffChangeOwnPin,
  staffApprove,
] as const;

export const staffChanges = ['created', 'updated', 'pin_changed', 'locked'] as const;

export const staffEvents = [
  defineEvent({
    name: 'staff.updated',
    summary:
      'A staff member was added or changed (name, role, active, PIN, lockout): refresh the login screen.',
    payload: z.object({
      change: z.enum(staffChanges),
      staff: staffRecordSchema,
    }),
  }),
] as const;
