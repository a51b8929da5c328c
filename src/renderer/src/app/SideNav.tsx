/**
 * The left rail: one link per section the logged-in role may use, named exactly by the section
 * ("Checkout", "Orders", ...), the current one marked aria-current="page". Its function key shows
 * beside the name but is kept out of the name (aria-keyshortcuts says it instead). Staff and
 * Settings sit together at the foot of the rail.
 */
import { type MouseEvent } from 'react';
import { type Role } from '../../../shared/api/permissions';
import {
  CheckoutIcon,
  CustomersIcon,
  cx,
  OrdersIcon,
  ProductsIcon,
  ReportsIcon,
  SettingsIcon,
  ShiftIcon,
  StaffIcon,
} from '../ui';
import { navigate, useRoute, useRoutingMode } from './router';
import { hrefFor, type Route, type RoutingMode, type Section, sectionLabels, sectionsFor } from './routes';
import { sectionShortcut } from './shortcuts';

const sectionIcons: Record<Section, typeof CheckoutIcon> = {
  checkout: CheckoutIcon,
  orders: OrdersIcon,
  shift: ShiftIcon,
  products: ProductsIcon,
  customers: CustomersIcon,
  reports: ReportsIcon,
  staff: StaffIcon,
  settings: SettingsIcon,
};

/** The sections kept at the foot of the rail, away from the day-to-day ones. */
const footSections: readonly Section[] = ['staff', 'settings'];

export function SideNav({ role }: { role: Role }) {
  return <SideNavView route={useRoute()} mode={useRoutingMode()} role={role} />;
}

/** The rail for a given route and role (passed in, so it renders anywhere). */
export function SideNavView({ route, mode, role }: { route: Route; mode: RoutingMode; role: Role }) {
  const follow = (section: Section) => (event: MouseEvent<HTMLAnchorElement>) => {
    // Ctrl/Cmd-click and middle-click keep the browser's meaning (a new tab).
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(section);
  };

  const visible = sectionsFor(role);
  const firstFoot = visible.find((section) => footSections.includes(section));

  return (
    <nav className="sidenav" aria-label="Main">
      <ul className="sidenav__list">
        {visible.map((section) => {
          const Icon = sectionIcons[section];
          const current = route.section === section;
          return (
            <li key={section} className={cx(section === firstFoot && 'sidenav__item--end')}>
              <a
                href={hrefFor({ section, rest: [] }, mode)}
                className={cx('sidenav__link', current && 'is-current')}
                aria-current={current ? 'page' : undefined}
                aria-keyshortcuts={sectionShortcut[section]}
                onClick={follow(section)}
              >
                <Icon size={26} />
                <span className="sidenav__label">{sectionLabels[section]}</span>
                <span className="sidenav__key" aria-hidden="true">
                  {sectionShortcut[section]}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
