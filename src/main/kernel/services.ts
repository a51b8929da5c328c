/** What every domain gets from the core when it is built. */
import { type Logger } from 'pino';
import { type BackgroundService, type ServiceHealth } from './backgroundServices';
import { type CoreConfig } from './config';
import { type SessionResolver } from './context';
import { type Db } from './db';
import { type PartialHandlerImpls } from './dispatch';
import { type EventBus } from './events';

export interface CoreDeps {
  readonly db: Db;
  readonly dataDir: string;
  readonly config: CoreConfig;
  readonly events: EventBus;
  readonly logger: Logger;
  /** The clock every domain reads, so tests can move time. */
  readonly now: () => Date;
  readonly startedAt: Date;
  /** The receipt printer of this door (the Electron shell's); absent in the browser host and tests. */
  readonly printer?: ReceiptPrinter;
  /** The health of every background service of the core (system.health lists it). */
  readonly serviceHealth: () => readonly ServiceHealth[];
}

/** Prints a receipt's HTML page on the store's printer (its OS name; "" for the default printer). */
export interface ReceiptPrinter {
  print(
    html: string,
    options: {
      layout: 'thermal80' | 'a4';
      printerName: string;
      /** The page the HTML was laid out for (a thermal receipt's height grows with its lines). */
      pageSizeMm: { widthMm: number; heightMm: number };
    },
  ): Promise<void>;
}

/** A domain plugs into the core with its handler implementations, and maybe a session resolver. */
export interface DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly resolveSession?: SessionResolver;
  /** Start-up work (the demo seed), run once after every domain is built and before any call. */
  start?(): Promise<unknown>;
  /** Background services, started after every domain's start and stopped first when the core closes. */
  readonly services?: readonly BackgroundService[];
  close?(): void;
}
