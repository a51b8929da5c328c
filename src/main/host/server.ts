/**
 * The headless host: the same core as the Electron shell, opened over HTTP on loopback so a
 * browser or a tablet can be a till or a customer display. It serves the built renderer,
 * `POST /api/<handler>`, `GET /api` (the contract as JSON Schema), a WebSocket of events, and
 * `/healthz`. No business logic lives here: every call goes through core.invoke.
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
import { apiListing } from './listing';
import { isAppRoute, loadAppPages } from './pages';
import { bearerFrom, tokensEqual } from './token';
import { hostContentSecurityPolicy, mayBootstrap } from './security';

export interface HostOptions {
  core: Core;
  token: string;
  /** Folder of the built renderer (out/renderer); when missing, only the API is served. */
  rendererDir: string | null;
  /** Largest accepted request body. */
  bodyLimitBytes?: number;
}

const sessionHeader = 'x-tillpoint-session';
const wsAuthTimeoutMs = 5_000;

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

  const authorized = (request: FastifyRequest): boolean => {
    const given = bearerFrom(request.headers.authorization);
    return given !== null && tokensEqual(token, given);
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

  app.get('/bootstrap', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const allowed = mayBootstrap({
      remoteAddress: request.socket.remoteAddress,
      host: request.headers.host,
      secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
    });
    if (!allowed) {
      return sendError(reply, {
        code: 'forbidden',
        message: 'This device is not the till itself: enter the pairing token shown by `tillpoint token`.',
        details: { pairingRequired: true },
      });
    }
    return { token };
  });

  app.get('/api', async (request, reply) => {
    if (!authorized(request)) return sendError(reply, unauthorizedError);
    return apiListing();
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    if (!authorized(request)) return sendError(reply, unauthorizedError);
    const session = request.headers[sessionHeader];
    const result = await core.invoke(
      request.params.name,
      request.body ?? {},
      typeof session === 'string' && session.length > 0 ? session : null,
    );
    if (!result.ok) return sendError(reply, result.error);
    return { data: result.data };
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.register(async (scope) => {
    scope.get('/api/events', { websocket: true }, (socket) => {
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
        if (given.type !== 'auth' || typeof given.token !== 'string' || !tokensEqual(token, given.token)) {
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
    const sendPage = (reply: FastifyReply, html: string) =>
      reply
        .header('content-security-policy', hostContentSecurityPolicy)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(html);
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

const unauthorizedError: ApiError = {
  code: 'unauthorized',
  message: 'Missing or wrong bearer token (see host.token in the data folder).',
};
