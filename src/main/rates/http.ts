/**
 * One bounded JSON GET for the rate providers: a timeout, a size limit, and the answer's status,
 * parsed body (or undefined) and Retry-After.
 */
import { RateProviderError } from './types';

export const defaultTimeoutMs = 5_000;
const maxBodyBytes = 256 * 1024;

export interface JsonAnswer {
  readonly status: number;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
}

/** `Retry-After` in seconds or as an HTTP date. */
function retryAfterOf(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const dateMs = Date.parse(value);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}

async function readBounded(response: Response, source: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) {
    throw new RateProviderError(source, 'bad_response', `${source} sent an answer too large for a price.`);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      throw new RateProviderError(source, 'bad_response', `${source} sent an answer too large for a price.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function getJson(
  url: string,
  options: { source: string; timeoutMs?: number; fetch?: typeof fetch; headers?: Record<string, string> },
): Promise<JsonAnswer> {
  const { source } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let text: string;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...options.headers },
      signal,
      redirect: 'error',
    });
    text = await readBounded(response, source);
  } catch (error) {
    if (error instanceof RateProviderError) throw error;
    if (signal.aborted) {
      throw new RateProviderError(
        source,
        'timeout',
        `${source} did not answer within ${timeoutMs / 1000} s.`,
      );
    }
    throw new RateProviderError(
      source,
      'network',
      `${source} cannot be reached (${(error as Error).message}).`,
    );
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    body,
    retryAfterMs: retryAfterOf(response.headers.get('retry-after'), Date.now()),
  };
}

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
