/**
 * The headless host: the same core as the Electron shell, opened over HTTP on loopback so a
 * browser or a tablet can be a till or a customer display. It serves the built renderer,
 * `POST /api/<handler>`, `GET /api` (the contract as JSON Schema), a WebSocket of events,
 * `POST /auth/login` (a one-time login code for the browser's access cookie) and `/healthz`.
 * Access (bearer token, or cookie + CSRF header; browserAccess.ts) is checked in `onRequest`,
 * before any body is read. No business logic lives here: every call goes through core.invoke.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { httpStatusOf, type ApiError } from '../../shared/api';
import { type Core } from '../core';
import { largestBodyLimit, limitBodyPerHandler } from './bodyLimit';
import { apiListing } from './listing';
import { isAppRoute, loadAppPages } from './pages';
import {
  accessCookieName,
  accessOf,
  cookieFrom,
  createBrowserAccess,
  csrfHeaderName,
  isSameOrigin,
  shouldRenew,
  type Access,
} from './browserAccess';
import { redeemLoginCode } from './loginCodes';
import { registerPaystackWebhook } from './paystackWebhook';
import { pageWithPolicy } from './pagePolicy';
import { hostContentSecurityPolicy } from './security';
import { tokensEqual } from './token';

export interface HostOptions {
  core: Core;
  token: string;
  /** Folder of the built renderer (out/renderer); when missing, only the API is served. */
  rendererDir: string | null;
  /** Largest accepted request body. */
  bodyLimitBytes?: number;
  /** Spends a one-time login code; default: the codes under the core's data folder (loginCodes.ts). */
  redeemLoginCode?: (code: unknown) => boolean;
}

const sessionHeader = 'x-tillpoint-session';
const wsAuthTimeoutMs = 5_000;
const loginBodyLimitBytes = 1024;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(httpStatusOf[error.code]).send({ error });
}

export async function createHostServer(options: HostOptions): Promise<FastifyInstance> {
  const { core, token } = options;
  const app = Fastify({
    loggerInstance: core.logger.child({ door: 'host' }) as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? 8 * 1024 * 1024,
    // One log line per request would drown a till's log; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  const browser = createBrowserAccess(token);
  const redeem = options.redeemLoginCode ?? ((code: unknown) => redeemLoginCode(core.dataDir, code));
  const accessFor = (request: FastifyRequest): Access =>
    accessOf(
      {
        authorization: header(request, 'authorization'),
        cookie: header(request, 'cookie'),
        csrf: header(request, csrfHeaderName),
        secFetchSite: header(request, 'sec-fetch-site'),
      },
      token,
      browser,
    );

  // An onRequest hook runs before the body is read: a caller without access costs the host nothing.
  const requireAccess = async (request: FastifyRequest, reply: FastifyReply) => {
    const access = accessFor(request);
    if (access.kind === 'none') return sendError(reply, unauthorizedError(access.reason));
    if (access.kind === 'cookie' && shouldRenew(access.expiresAtMs)) {
      reply.header('set-cookie', browser.issue().setCookie);
    }
    return undefined;
  };

  // JSON bodies only; a broken body is a 400 in the same error shape as every other.
  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: 'bad_input', message: `Bad request: ${error.message}` } });
    }
    request.log.error({ err: error }, 'host error');
    return sendError(reply, { code: 'internal', message: 'Internal error.' });
  });

  app.get('/healthz', async (_request, reply) => {
    const result = await core.invoke('system.health', {});
    if (!result.ok) return sendError(reply, result.error);
    const health = result.data as { status: string };
    return reply.code(health.status === 'ok' ? 200 : 503).send(result.data);
  });

  // The till's browser spends a one-time login code (from the link `tillpoint serve` printed, read
  // by the page from the URL's fragment, which never reaches a server log) for its access cookie.
  app.post(
    '/auth/login',
    {
      bodyLimit: loginBodyLimitBytes,
      onRequest: async (request, reply) => {
        if (header(request, csrfHeaderName) !== '1') return sendError(reply, unauthorizedError('csrf'));
        return undefined;
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const code = (request.body as { code?: unknown } | null)?.code;
      if (!redeem(code)) {
        return sendError(reply, {
          code: 'unauthorized',
          message:
            'This login link has expired or was already used: run `tillpoint login-link` on the till for a new one.',
          details: { loginRequired: true },
        });
      }
      request.log.info('a browser signed in with a one-time login code');
      return reply.header('set-cookie', browser.issue().setCookie).code(204).send();
    },
  );

  // Paystack's events: no token or session, proven by their signature (paystackWebhook.ts).
  registerPaystackWebhook(app, core);

  app.get('/api', { onRequest: requireAccess }, async () => apiListing());

  // Prometheus metrics (sync, sales, payments): the same access as the API (a scraper sends the
  // bearer token), so figures about the store never leave the till to whoever can reach the port.
  app.get('/metrics', { onRequest: requireAccess }, async (_request, reply) =>
    reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(core.sync.metrics()),
  );

  app.post<{ Params: { name: string } }>(
    '/api/:name',
    { onRequest: requireAccess, bodyLimit: largestBodyLimit, preParsing: limitBodyPerHandler },
    async (request, reply) => {
      const session = request.headers[sessionHeader];
      const result = await core.invoke(
        request.params.name,
        request.body ?? {},
        typeof session === 'string' && session.length > 0 ? session : null,
      );
      if (!result.ok) return sendError(reply, result.error);
      return { data: result.data };
    },
  );

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.register(async (scope) => {
    scope.get('/api/events', { websocket: true }, (socket, request) => {
      // The browser's cookie counts only from a page of the host's own origin (no custom header here).
      const cookieAccess = () =>
        browser.verify(cookieFrom(header(request, 'cookie'), accessCookieName)) !== null &&
        isSameOrigin(header(request, 'origin'), header(request, 'host'));
      let stop: (() => void) | null = null;
      const timer = setTimeout(() => socket.close(4401, 'auth required'), wsAuthTimeoutMs);
      socket.on('message', (raw: Buffer) => {
        if (stop) return;
        let message: unknown;
        try {
          message = JSON.parse(raw.toString('utf8'));
        } catch {
          socket.close(4400, 'bad message');
          return;
        }
        const given = (message as { type?: unknown; token?: unknown } | null) ?? {};
        const allowed =
          given.type === 'auth' &&
          (typeof given.token === 'string' ? tokensEqual(token, given.token) : cookieAccess());
        if (!allowed) {
          socket.close(4401, 'bad token');
          return;
        }
        clearTimeout(timer);
        stop = core.events.onAny((event, payload) => {
          socket.send(JSON.stringify({ event, payload }));
        });
        socket.send(JSON.stringify({ event: 'ready', payload: null }));
      });
      socket.on('close', () => {
        clearTimeout(timer);
        stop?.();
      });
    });
  });

  const rendererDir = options.rendererDir;
  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    const pages = loadAppPages(rendererDir);
    // The policy allows Stripe's script only while the reader is driven from the page (pagePolicy.ts).
    const sendPage = async (reply: FastifyReply, html: string) => {
      const page = await pageWithPolicy(core, html);
      return reply
        .header('content-security-policy', page.policy)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(page.html);
    };
    app.get('/', (_request, reply) => sendPage(reply, pages.index));
    app.get('/index.html', (_request, reply) => sendPage(reply, pages.index));
    if (pages.display !== null) {
      const display = pages.display;
      app.get('/display.html', (_request, reply) => sendPage(reply, display));
    }
    await app.register(fastifyStatic, {
      root: rendererDir,
      index: false,
      setHeaders: (res) => {
        res.setHeader('content-security-policy', hostContentSecurityPolicy);
      },
    });
    // Client-side routes (/checkout, /settings/store...) get the app's page; a missing file is a 404.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && isAppRoute(request.url)) return sendPage(reply, pages.index);
      return sendError(reply, { code: 'not_found', message: `Nothing at ${request.method} ${request.url}.` });
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      sendError(reply, { code: 'not_found', message: `Nothing at ${request.method} ${request.url}.` }),
    );
  }

  return app;
}

function unauthorizedError(reason: Exclude<Access, { kind: 'bearer' | 'cookie' }>['reason']): ApiError {
  const messages = {
    no_credentials:
      'Not signed in: open the login link `tillpoint serve` printed (or run `tillpoint login-link`), or send the host token as a bearer token (`tillpoint token`).',
    bad_token: 'Wrong bearer token: use the one `tillpoint token` prints.',
    bad_cookie: 'This browser’s sign-in has expired: run `tillpoint login-link` on the till for a new link.',
    csrf: `A browser call needs the ${csrfHeaderName} header and must come from the till's own pages.`,
  } as const;
  // `hostAccess` tells this refusal from a handler's own `unauthorized` (a wrong PIN).
  return { code: 'unauthorized', message: messages[reason], details: { hostAccess: reason } };
}
