/** The core of a till: createCore, and the types every domain and door builds on. */
export { createCore, type Core, type CreateCoreOptions } from './createCore';
export { type CoreConfig, type CoreConfigInput, coreConfigSchema } from './config';
export { type CallContext, type StaffIdentity, type SessionResolver } from './context';
export { type Db, openDatabase, databaseFileName } from './db';
export { DatabaseTooNewError, type Migration } from './migrate';
export { type CoreDeps, type DomainModule, type ReceiptPrinter } from './services';
export { type HandlerImpl, type PartialHandlerImpls } from './dispatch';
export { EventBus } from './events';
