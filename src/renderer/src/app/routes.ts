/**
 * The app's sections and how a location maps to one, pure. In a browser the path carries the
 * route (`/orders/01J…`); in Electron the page is a file, so the hash does (`#/orders/01J…`).
 * A route is a section plus the path segments after it, for screens with their own sub-pages.
 * Also which role may use which section (the navigation hides the others).
 */
import { type Permission, type Role, roleAllows } from '../../../shared/api/permissions';

/** In the navigation's order: Staff sits just above Settings, at the foot of the rail. */
export const sections = [
  'checkout',
  'orders',
  'shift',
  'products',
  'customers',
  'reports',
  'staff',
  'settings',
] as const;
export type Section = (typeof sections)[number];

export const sectionLabels: Record<Section, string> = {
  checkout: 'Checkout',
  orders: 'Orders',
  shift: 'Shift',
  products: 'Products',
  customers: 'Customers',
  reports: 'Reports',
  staff: 'Staff',
  settings: 'Settings',
};

/**
 * What a role needs to use a section at all. Products is open to every session (a cashier looks up
 * prices and stock; editing is for catalog.edit), Settings too (appearance and this device).
 */
export const sectionPermission: Record<Section, Permission> = {
  checkout: 'sales.sell',
  orders: 'sales.sell',
  shift: 'shift.manage',
  products: 'session',
  customers: 'session',
  reports: 'reports.read',
  staff: 'staff.manage',
  settings: 'session',
};

export function canUseSection(role: Role, section: Section): boolean {
  return roleAllows(role, sectionPermission[section]);
}

/** The sections a role sees in the navigation, in order. */
export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => canUseSection(role, section));
}

export const defaultSection: Section = 'checkout';

export interface Route {
  section: Section;
  /** Decoded segments after the section: `/orders/A-42` → `['A-42']`. */
  rest: string[];
}

export type RoutingMode = 'history' | 'hash';

/** file:// pages cannot use paths (there is no server to fall back to index.html): use the hash. */
export function routingModeFor(protocol: string): RoutingMode {
  return protocol === 'file:' ? 'hash' : 'history';
}

function isSection(value: string): value is Section {
  return (sections as readonly string[]).includes(value);
}

/** Parses a path like `/orders/A-42`; null when it names no section. */
export function parseRoutePath(path: string): Route | null {
  const segments = path
    .split(/[?#]/)[0]!
    .split('/')
    .filter((segment) => segment.length > 0);
  const [first, ...rest] = segments;
  if (first === undefined) return null;
  let section: string;
  let decodedRest: string[];
  try {
    section = decodeURIComponent(first).toLowerCase();
    decodedRest = rest.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  return isSection(section) ? { section, rest: decodedRest } : null;
}

export function parseLocation(location: { pathname: string; hash: string }, mode: RoutingMode): Route | null {
  if (mode === 'hash') return parseRoutePath(location.hash.replace(/^#/, ''));
  return parseRoutePath(location.pathname);
}

export function routePath(route: Route): string {
  return ['', route.section, ...route.rest.map((segment) => encodeURIComponent(segment))].join('/');
}

/** What goes in an <a href> for the route. */
export function hrefFor(route: Route, mode: RoutingMode): string {
  return mode === 'hash' ? `#${routePath(route)}` : routePath(route);
}

export function sameRoute(a: Route, b: Route): boolean {
  return (
    a.section === b.section && a.rest.length === b.rest.length && a.rest.every((s, i) => s === b.rest[i])
  );
}
