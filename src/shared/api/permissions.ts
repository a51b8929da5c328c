/**
 * Roles and permissions. Every handler names the permission it needs; a role is a set of them.
 * `public` handlers need only the device token (health, login); every other needs a staff session.
 */
export const permissions = [
  'public', // device token only
  'session', // any logged-in staff member
  'sales.sell', // ring up, take payment, print receipts
  'sales.refund', // refund a paid order (also needs a manager's approval unless the actor is one)
  'sales.void', // void an open order
  'shift.manage', // open and close shifts, count the drawer
  'catalog.edit', // products, prices, stock, import
  'staff.manage', // users, roles, PINs
  'settings.edit', // store settings, taxes
  'reports.read', // reports and exports
] as const;

export type Permission = (typeof permissions)[number];

export const roles = ['cashier', 'manager', 'owner'] as const;
export type Role = (typeof roles)[number];

const cashier: readonly Permission[] = ['public', 'session', 'sales.sell', 'shift.manage'];
const manager: readonly Permission[] = [
  ...cashier,
  'sales.refund',
  'sales.void',
  'catalog.edit',
  'reports.read',
];
const owner: readonly Permission[] = [...manager, 'staff.manage', 'settings.edit'];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  cashier: new Set(cashier),
  manager: new Set(manager),
  owner: new Set(owner),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
