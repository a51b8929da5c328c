/**
 * The core's kernel: what every domain builds on, and nothing that knows a domain. The database
 * (WAL, synchronous=FULL, a private data folder), migrations, the dispatcher (contract → input →
 * session → permission → handler → output), the event bus, what a domain gets and offers
 * (`CoreDeps`, `DomainModule`), background services, and the call context. Domains import the kernel
 * through this index only; the composition root (src/main/core) builds the domains on it, so imports
 * run one way: kernel ← domains ← core ← doors.
 */
export * from './backgroundServices';
export * from './checkpoints';
export * from './config';
export * from './context';
export * from './dataDir';
export * from './db';
export * from './dispatch';
export * from './events';
export * from './migrate';
export { migrations } from './migrations';
export * from './services';
export { cacheStatements } from './statementCache';
