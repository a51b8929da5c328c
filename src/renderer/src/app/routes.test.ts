import { describe, expect, it } from 'vitest';
import {
  canUseSection,
  hrefFor,
  parseLocation,
  parseRoutePath,
  routePath,
  routingModeFor,
  sectionsFor,
} from './routes';

describe('parseRoutePath', () => {
  it.each([
    ['/checkout', { section: 'checkout', rest: [] }],
    ['/orders', { section: 'orders', rest: [] }],
    ['/orders/', { section: 'orders', rest: [] }],
    ['/Orders', { section: 'orders', rest: [] }],
    ['/orders/A-0042', { section: 'orders', rest: ['A-0042'] }],
    ['/customers/01J%20X', { section: 'customers', rest: ['01J X'] }],
    ['/settings?tab=system', { section: 'settings', rest: [] }],
    ['/shift', { section: 'shift', rest: [] }],
    ['/products/01JABC', { section: 'products', rest: ['01JABC'] }],
    ['/staff/activity', { section: 'staff', rest: ['activity'] }],
    ['/', null],
    ['', null],
    ['/index.html', null],
    ['/nowhere', null],
    ['/orders/%E0%A4%A', null],
  ])('%j → %o', (path, expected) => {
    expect(parseRoutePath(path)).toEqual(expected);
  });
});

describe('routing modes', () => {
  it.each([
    ['file:', 'hash'],
    ['http:', 'history'],
    ['https:', 'history'],
  ])('%s pages use %s routing', (protocol, mode) => {
    expect(routingModeFor(protocol)).toBe(mode);
  });

  it('reads the route from the hash on file:// pages and from the path otherwise', () => {
    const location = { pathname: '/C:/app/out/renderer/index.html', hash: '#/reports' };
    expect(parseLocation(location, 'hash')).toEqual({ section: 'reports', rest: [] });
    expect(parseLocation(location, 'history')).toBeNull();
    expect(parseLocation({ pathname: '/reports', hash: '' }, 'history')).toEqual({
      section: 'reports',
      rest: [],
    });
  });

  it.each([
    [{ section: 'orders' as const, rest: [] }, 'history', '/orders'],
    [{ section: 'orders' as const, rest: [] }, 'hash', '#/orders'],
    [{ section: 'orders' as const, rest: ['A 42'] }, 'history', '/orders/A%2042'],
  ] as const)('href for %o in %s mode is %s', (route, mode, href) => {
    expect(hrefFor({ section: route.section, rest: [...route.rest] }, mode)).toBe(href);
  });

  it('round-trips a route through its path', () => {
    const route = { section: 'customers' as const, rest: ['01JABC', 'coins/history'] };
    expect(parseRoutePath(routePath(route))).toEqual(route);
  });
});

describe('sections by role', () => {
  it.each([
    ['cashier', ['checkout', 'orders', 'shift', 'products', 'customers', 'settings']],
    ['manager', ['checkout', 'orders', 'shift', 'products', 'customers', 'reports', 'settings']],
    ['owner', ['checkout', 'orders', 'shift', 'products', 'customers', 'reports', 'staff', 'settings']],
  ] as const)('a %s sees %j', (role, expected) => {
    expect(sectionsFor(role)).toEqual(expected);
  });

  it.each([
    ['cashier', 'staff', false],
    ['cashier', 'reports', false],
    ['cashier', 'shift', true],
    ['manager', 'staff', false],
    ['owner', 'staff', true],
  ] as const)('a %s may use %s: %s', (role, section, allowed) => {
    expect(canUseSection(role, section)).toBe(allowed);
  });
});
