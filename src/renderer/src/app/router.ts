/**
 * The router: a zustand store of the current route, kept in step with the address bar through the
 * History API (or the hash on file:// pages). `navigate` pushes an entry; Back and Forward work.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  defaultSection,
  hrefFor,
  parseLocation,
  type Route,
  routingModeFor,
  type RoutingMode,
  sameRoute,
  type Section,
} from './routes';

interface RouterState {
  route: Route;
  mode: RoutingMode;
}

export const routerStore = createStore<RouterState>()(() => ({
  route: { section: defaultSection, rest: [] },
  mode: 'history',
}));

function currentLocationRoute(mode: RoutingMode): Route | null {
  return parseLocation({ pathname: window.location.pathname, hash: window.location.hash }, mode);
}

function writeLocation(route: Route, mode: RoutingMode, replace: boolean): void {
  const href = hrefFor(route, mode);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
}

/** Reads the address bar (falling back to Checkout) and follows Back/Forward. */
export function startRouter(): () => void {
  const mode = routingModeFor(window.location.protocol);
  const initial = currentLocationRoute(mode) ?? { section: defaultSection, rest: [] };
  writeLocation(initial, mode, true);
  routerStore.setState({ route: initial, mode });
  const onChange = () => {
    const route = currentLocationRoute(mode);
    if (route) routerStore.setState({ route });
    else writeLocation(routerStore.getState().route, mode, true);
  };
  window.addEventListener('popstate', onChange);
  if (mode === 'hash') window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
  };
}

export function navigate(target: Section | Route, options: { replace?: boolean } = {}): void {
  const route = typeof target === 'string' ? { section: target, rest: [] } : target;
  const { route: current, mode } = routerStore.getState();
  if (sameRoute(route, current)) return;
  writeLocation(route, mode, options.replace ?? false);
  routerStore.setState({ route });
}

export function useRoute(): Route {
  return useStore(routerStore, (state) => state.route);
}

export function useRoutingMode(): RoutingMode {
  return useStore(routerStore, (state) => state.mode);
}
