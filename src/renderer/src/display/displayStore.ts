/**
 * The customer display's zustand store: the state of displayState.ts, changed only through
 * `dispatchDisplay`, which the event bindings and the start-up call.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { type DisplayAction, type DisplayState, initialDisplayState, reduceDisplay } from './displayState';

export const displayStore = createStore<DisplayState>()(() => initialDisplayState);

export function dispatchDisplay(action: DisplayAction): void {
  displayStore.setState((state) => reduceDisplay(state, action), true);
}

export function useDisplayState<T>(selector: (state: DisplayState) => T): T {
  return useStore(displayStore, selector);
}
