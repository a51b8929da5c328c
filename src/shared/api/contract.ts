/**
 * The API contract: every handler and event of Tillpoint, declared once. The core implements the
 * handlers, the three doors (Electron IPC, the HTTP host, tests) route to them, and the renderer's
 * typed client is derived from the same map. To add a handler: declare it in its domain file here,
 * add it to the list below, implement it in the domain's folder under src/main.
 */
import { type z } from 'zod';
import { byName, type EventDef, type HandlerDef } from './define';
import { systemEvents, systemHandlers } from './system';
import { staffEvents, staffHandlers } from './staff';
import { auditHandlers } from './audit';
import { catalogEvents, catalogHandlers } from './catalog';
import { ledgerHandlers } from './ledger';
import { settingsEvents, settingsHandlers } from './settings';
import { shiftsEvents, shiftsHandlers } from './shifts';
import { ordersEvents, ordersHandlers } from './orders';
import { paymentsEvents, paymentsHandlers } from './payments';
import { stripeHandlers } from './stripe';
import { displayEvents } from './display';
import { customersHandlers } from './customers';
import { coinsHandlers } from './coins';
import { vendorsHandlers } from './vendors';
import { membershipsHandlers } from './memberships';
import { fxHandlers } from './fx';
import { cryptoEvents, cryptoHandlers } from './crypto';
import { reportsHandlers } from './reports';
import { syncHandlers } from './sync';

export const handlers = byName([
  ...systemHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...ledgerHandlers,
  ...catalogHandlers,
  ...settingsHandlers,
  ...shiftsHandlers,
  ...ordersHandlers,
  ...paymentsHandlers,
  ...stripeHandlers,
  ...customersHandlers,
  ...coinsHandlers,
  ...vendorsHandlers,
  ...membershipsHandlers,
  ...fxHandlers,
  ...cryptoHandlers,
  ...reportsHandlers,
  ...syncHandlers,
]);
export const events = byName([
  ...systemEvents,
  ...staffEvents,
  ...catalogEvents,
  ...settingsEvents,
  ...shiftsEvents,
  ...ordersEvents,
  ...paymentsEvents,
  ...displayEvents,
  ...cryptoEvents,
]);

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers & string;
export type ApiInput<N extends HandlerName> = z.input<Handlers[N]['input']>;
export type ApiParsedInput<N extends HandlerName> = z.output<Handlers[N]['input']>;
export type ApiOutput<N extends HandlerName> = z.output<Handlers[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export function isHandlerName(name: string): name is HandlerName {
  return Object.prototype.hasOwnProperty.call(handlers, name);
}

export function handlerDef(name: HandlerName): HandlerDef {
  return handlers[name] as HandlerDef;
}

export function eventDef(name: EventName): EventDef {
  return events[name] as EventDef;
}
