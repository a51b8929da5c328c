/**
 * The one path from a door into the core: look the handler up, validate the input against the
 * contract, check the caller's permission, run the handler, validate its output, and turn every
 * failure into an ApiError. No door has business logic; no caller ever sees a stack.
 */
import { randomUUID } from 'node:crypto';
import { type Logger } from 'pino';
import { z } from 'zod';
import {
  describeZodError,
  errorCodes,
  handlerDef,
  isHandlerName,
  roleAllows,
  TillpointError,
  type ApiOutput,
  type ApiParsedInput,
  type CallResult,
  type ErrorCode,
  type HandlerName,
  type Handlers,
} from '../../shared/api';
import { type CallContext, type SessionResolver, type StaffCallContext } from './context';

/** What a handler is told of its caller: a staff member never null unless the handler is public. */
export type ContextOf<N extends HandlerName> = Handlers[N]['permission'] extends 'public'
  ? CallContext
  : StaffCallContext;

export type HandlerImpl<N extends HandlerName> = (
  input: ApiParsedInput<N>,
  ctx: ContextOf<N>,
) => ApiOutput<N> | Promise<ApiOutput<N>>;

export type HandlerImpls = { [N in HandlerName]: HandlerImpl<N> };
export type PartialHandlerImpls = Partial<HandlerImpls>;

export function missingHandlers(impls: PartialHandlerImpls, names: readonly HandlerName[]): HandlerName[] {
  return names.filter((name) => typeof impls[name] !== 'function');
}

export interface Dispatcher {
  invoke(name: string, input: unknown, session: string | null): Promise<CallResult>;
}

export function createDispatcher(options: {
  impls: HandlerImpls;
  resolveSession: SessionResolver;
  logger: Logger;
}): Dispatcher {
  const { impls, resolveSession, logger } = options;
  return {
    async invoke(name, rawInput, session) {
      const requestId = randomUUID();
      if (!isHandlerName(name)) {
        return { ok: false, error: { code: 'not_found', message: `No handler named "${name}".` } };
      }
      const def = handlerDef(name);
      let parsed: ReturnType<typeof def.input.safeParse>;
      try {
        parsed = def.input.safeParse(rawInput ?? {});
      } catch (error) {
        // A schema refinement that throws is a bug in the contract, but the input is still refused.
        logger.error({ err: error, requestId, handler: name }, 'input validation threw');
        return { ok: false, error: { code: 'bad_input', message: 'Invalid input.' } };
      }
      if (!parsed.success) {
        const { message, issues } = describeZodError(parsed.error);
        return { ok: false, error: { code: 'bad_input', message, details: { issues } } };
      }
      const staff = session ? resolveSession(session) : null;
      if (def.permission !== 'public') {
        if (!staff) {
          return {
            ok: false,
            error: { code: 'unauthorized', message: 'Log in with your PIN first (no valid staff session).' },
          };
        }
        if (!roleAllows(staff.role, def.permission)) {
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: `A ${staff.role} may not do this (${name} needs ${def.permission}).`,
              details: { permission: def.permission, role: staff.role },
            },
          };
        }
      }
      try {
        const impl = impls[name] as (input: unknown, ctx: CallContext) => unknown;
        const output = await impl(parsed.data, { session, staff, requestId });
        const checked = def.output.safeParse(output);
        if (!checked.success) {
          logger.error(
            { requestId, handler: name, issues: checked.error.issues },
            'handler output broke the contract',
          );
          return {
            ok: false,
            error: { code: 'internal', message: `Internal error (request ${requestId}).` },
          };
        }
        return { ok: true, data: checked.data };
      } catch (error) {
        if (error instanceof TillpointError) return { ok: false, error: error.toApiError() };
        const raised = raisedInDatabase(error);
        if (raised) return { ok: false, error: raised };
        if (error instanceof z.ZodError) {
          const { message, issues } = describeZodError(error);
          return { ok: false, error: { code: 'bad_input', message, details: { issues } } };
        }
        logger.error({ err: error, requestId, handler: name }, 'handler failed');
        return { ok: false, error: { code: 'internal', message: `Internal error (request ${requestId}).` } };
      }
    },
  };
}

/**
 * A rule kept in the database (a trigger's `RAISE(ABORT, 'tillpoint:<code>: <message>')`) refuses
 * a write the way a handler would: its code and message reach the caller, whichever handler's write
 * the trigger stopped. Any other database error stays internal.
 */
export function raisedInDatabase(error: unknown): { code: ErrorCode; message: string } | null {
  if (!(error instanceof Error)) return null;
  const match = /^tillpoint:([a-z_]+): (.+)$/s.exec(error.message);
  if (!match) return null;
  const code = match[1] as ErrorCode;
  if (!(errorCodes as readonly string[]).includes(code) || code === 'internal') return null;
  return { code, message: match[2] as string };
}
