/** The sync's face: the top bar's sync pill and the Settings › Sync panel. */
export { SyncPanel } from './SyncPanel';
export { SyncStatusPill } from './SyncStatusPill';
export { syncPillView } from './syncView';
