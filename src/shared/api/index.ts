/** The API contract (handlers, events, permissions, errors) and the typed client built on it. */
export * from './contract';
export * from './define';
export * from './bounds';
export * from './errors';
export * from './permissions';
export * from './client';
export { appModes } from './system';
