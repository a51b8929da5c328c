/**
 * The composition root of a till: `createCore` builds every domain on the kernel (src/main/kernel)
 * and gives the doors (the Electron shell, the headless host, tests) one typed entry. The kernel's
 * types that the doors use are passed on here.
 */
export { createCore, type Core, type CreateCoreOptions } from './createCore';
export {
  coreConfigSchema,
  databaseFileName,
  DatabaseTooNewError,
  EventBus,
  openDatabase,
  type CallContext,
  type CoreConfig,
  type CoreConfigInput,
  type CoreDeps,
  type Db,
  type DomainModule,
  type HandlerImpl,
  type Migration,
  type PartialHandlerImpls,
  type ReceiptPrinter,
  type SessionResolver,
  type StaffIdentity,
} from '../kernel';
