import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SideNavView } from './SideNav';

describe('SideNav', () => {
  it('is the "Main" navigation with one link per section, named exactly by it', () => {
    const markup = renderToStaticMarkup(
      <SideNavView route={{ section: 'checkout', rest: [] }} mode="history" role="owner" />,
    );
    expect(markup).toContain('<nav class="sidenav" aria-label="Main">');
    const labels = [...markup.matchAll(/class="sidenav__label">([^<]+)</g)].map((match) => match[1]);
    expect(labels).toEqual([
      'Checkout',
      'Orders',
      'Shift',
      'Products',
      'Customers',
      'Reports',
      'Staff',
      'Settings',
    ]);
    // The function key shown beside the name is hidden from the accessible name.
    expect(markup).toContain('<span class="sidenav__key" aria-hidden="true">F1</span>');
    expect(markup).toContain('aria-keyshortcuts="F2"');
  });

  it.each([
    ['history', 'orders', 'href="/orders"'],
    ['hash', 'reports', 'href="#/reports"'],
  ] as const)('in %s mode marks %s as the current page', (mode, section, href) => {
    const markup = renderToStaticMarkup(
      <SideNavView route={{ section, rest: ['A-42'] }} mode={mode} role="manager" />,
    );
    expect(markup).toContain(`${href} class="sidenav__link is-current" aria-current="page"`);
    expect(markup.match(/aria-current="page"/g)).toHaveLength(1);
  });
});

describe('SideNav by role', () => {
  const labelsFor = (role: 'cashier' | 'manager' | 'owner') =>
    [
      ...renderToStaticMarkup(
        <SideNavView route={{ section: 'checkout', rest: [] }} mode="history" role={role} />,
      ).matchAll(/class="sidenav__label">([^<]+)</g),
    ].map((match) => match[1]);

  it.each([
    ['cashier', ['Checkout', 'Orders', 'Shift', 'Products', 'Customers', 'Settings']],
    ['manager', ['Checkout', 'Orders', 'Shift', 'Products', 'Customers', 'Reports', 'Settings']],
  ] as const)('a %s sees only %j', (role, expected) => {
    expect(labelsFor(role)).toEqual(expected);
  });

  it('puts Staff and Settings at the foot of the rail, and gives the new sections F6, F7 and F9', () => {
    const markup = renderToStaticMarkup(
      <SideNavView route={{ section: 'checkout', rest: [] }} mode="history" role="owner" />,
    );
    expect(markup.match(/sidenav__item--end/g)).toHaveLength(1);
    expect(markup).toMatch(/sidenav__item--end"><a href="\/staff"/);
    expect(markup).toContain('href="/shift" class="sidenav__link" aria-keyshortcuts="F6"');
    expect(markup).toContain('href="/products" class="sidenav__link" aria-keyshortcuts="F7"');
    expect(markup).toContain('href="/staff" class="sidenav__link" aria-keyshortcuts="F9"');
  });
});
