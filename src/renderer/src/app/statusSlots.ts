/**
 * The top bar's status slots: other parts of the app put a small component there — the shift's
 * state ("Shift open since 9:02") and the sync state ("Synced 2 min ago") — without the shell
 * knowing about shifts or sync. An empty slot shows nothing.
 */
import { type ComponentType } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type StatusSlotName = 'shift' | 'sync';

export const statusSlotLabels: Record<StatusSlotName, string> = {
  shift: 'Shift status',
  sync: 'Sync status',
};

const slotStore = createStore<Record<StatusSlotName, ComponentType | null>>()(() => ({
  shift: null,
  sync: null,
}));

/** Puts a component in a slot (null empties it). */
export function setStatusSlot(name: StatusSlotName, component: ComponentType | null): void {
  slotStore.setState({ [name]: component });
}

export function useStatusSlot(name: StatusSlotName): ComponentType | null {
  return useStore(slotStore, (state) => state[name]);
}
