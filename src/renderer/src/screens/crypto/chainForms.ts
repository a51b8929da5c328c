/**
 * The crypto networks forms, pure: a chain's settings (name, confirmations, explorer link), its
 * Bitcoin backend (Esplora, Electrum with an optional pinned certificate, Bitcoin Core) or its EVM
 * node URLs, turned into a `chains.configure` request checked by the same schema the core checks,
 * each problem placed beside the field it belongs to. The forms start from the chain view's
 * `setup` (hosts, never URLs); secrets (the Bitcoin Core password or cookie) only go into the
 * request. Adding an EVM chain or a token is in `evmForms.ts`.
 */
import { type z } from 'zod';
import { type ApiInput, type ApiOutput, handlers } from '../../../../shared/api';
import { fieldErrorsOf } from '../../ui/errorMessage';
import { ApiCallError } from '../../../../shared/api/errors';

export type Chain = ApiOutput<'chains.list'>['chains'][number];
export type ConfigureInput = ApiInput<'chains.configure'>;

export type ChainField =
  | 'chainId'
  | 'label'
  | 'confirmations'
  | 'explorerTxUrl'
  | 'url'
  | 'host'
  | 'port'
  | 'certSha256'
  | 'coreUser'
  | 'corePassword'
  | 'coreCookie'
  | 'wallet'
  | 'rpcUrls'
  | 'wsUrls'
  | 'nativeSymbol'
  | 'nativeDecimals'
  | 'contract';

export type ChainErrors = Partial<Record<ChainField, string>>;

export type FormResult = { ok: true; input: ConfigureInput } | { ok: false; errors: ChainErrors };

export type BitcoinKind = 'esplora' | 'electrum' | 'core';

export interface BitcoinBackendForm {
  kind: BitcoinKind;
  /** True once the owner changed anything here: only then is the backend sent. */
  edited: boolean;
  esploraUrl: string;
  host: string;
  port: string;
  tls: boolean;
  /** A self-signed Electrum certificate's SHA-256 fingerprint; empty: the pin saved now is kept. */
  certSha256: string;
  /** Remove the certificate pinned now (when no new one is typed). */
  unpin: boolean;
  coreUrl: string;
  coreAuth: 'password' | 'cookie';
  coreUser: string;
  corePassword: string;
  /** The content of Bitcoin Core's `.cookie` file (`__cookie__:…`). */
  coreCookie: string;
  wallet: string;
}

export interface EvmUrlsForm {
  /** One URL a line: the first is read, the others when it fails. Empty: keep the URLs saved now. */
  rpcText: string;
  wsText: string;
}

export interface ChainSettingsForm {
  label: string;
  confirmations: string;
  explorerTxUrl: string;
}

const configureInput = handlers['chains.configure'].input;

/** The request's paths → the form's fields (a URL list's line goes to its list's field). */
export const fieldOfPath: Record<string, ChainField> = {
  chainKey: 'chainId',
  chainId: 'chainId',
  nativeSymbol: 'nativeSymbol',
  nativeDecimals: 'nativeDecimals',
  contract: 'contract',
  label: 'label',
  confirmations: 'confirmations',
  explorerTxUrl: 'explorerTxUrl',
  'bitcoin.url': 'url',
  'bitcoin.host': 'host',
  'bitcoin.port': 'port',
  'bitcoin.certSha256': 'certSha256',
  'bitcoin.wallet': 'wallet',
  rpcUrls: 'rpcUrls',
  wsUrls: 'wsUrls',
};

const fieldNames: Record<ChainField, string> = {
  chainId: 'The chain id',
  label: 'The name',
  confirmations: 'Confirmations',
  explorerTxUrl: 'The explorer link',
  url: 'The URL',
  host: 'The host',
  port: 'The port',
  certSha256: 'The pinned certificate',
  coreUser: 'The RPC user',
  corePassword: 'The RPC password',
  coreCookie: 'The cookie',
  wallet: 'The wallet name',
  rpcUrls: 'The RPC URLs',
  wsUrls: 'The WebSocket URLs',
  nativeSymbol: 'The coin symbol',
  nativeDecimals: 'The coin decimals',
  contract: 'The token contract',
};

/** One zod issue as a sentence for people, naming the field (and the line of a URL list). */
export function issueText(field: ChainField, issue: z.core.$ZodIssue): string {
  const line = typeof issue.path[1] === 'number' ? ` (line ${issue.path[1] + 1})` : '';
  const name = `${fieldNames[field]}${line}`;
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `${name} must be at most ${issue.maximum}.`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `${name} must be at least ${issue.minimum}.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `${name}: at most ${issue.maximum}.`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `${name}: at least ${issue.minimum}.`;
  const text = issue.message.trim();
  const sentence = /^[a-z]/.test(text) ? `${name} ${text}` : text;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Checks an input with one of the core's own schemas; every issue goes beside its field. */
export function checkInput<T>(
  schema: z.ZodType,
  input: T,
  fallback: ChainField,
): { ok: true; input: T } | { ok: false; errors: ChainErrors } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, input };
  const errors: ChainErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((part) => typeof part === 'string').join('.');
    const field = fieldOfPath[path] ?? fieldOfPath[String(issue.path[0])] ?? fallback;
    errors[field] ??= issueText(field, issue);
  }
  return { ok: false, errors };
}

/** Checks a `chains.configure` request with the core's own schema. */
export function checkRequest(input: ConfigureInput): FormResult {
  return checkInput(configureInput, input, 'label');
}

/** The lines of a URL list, trimmed, without empty ones. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A whole number typed as text, or an error; '' is `undefined` (not sent). */
export function wholeNumber(text: string, field: ChainField): number | undefined | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,9}$/.test(trimmed)) return { error: `${fieldNames[field]} must be a whole number.` };
  return Number(trimmed);
}

/**
 * The form a chain's backend starts from, from the chain view's `setup`: an Electrum server's host,
 * port and TLS are filled in again; URLs (which may hold a key or a password), passwords and a
 * pinned certificate are not (the setup says only whether one is pinned).
 */
export function bitcoinFormOf(setup: Chain['setup']['bitcoin']): BitcoinBackendForm {
  const form: BitcoinBackendForm = {
    kind: setup?.kind ?? 'esplora',
    edited: false,
    esploraUrl: '',
    host: '',
    port: '50002',
    tls: true,
    certSha256: '',
    unpin: false,
    coreUrl: '',
    coreAuth: 'password',
    coreUser: '',
    corePassword: '',
    coreCookie: '',
    wallet: '',
  };
  if (setup?.kind === 'electrum')
    return { ...form, host: setup.host, port: String(setup.port), tls: setup.tls };
  if (setup?.kind === 'core') return { ...form, wallet: setup.wallet ?? '' };
  return form;
}

/** Bitcoin Core's URL with its RPC user and password in it (the form the core reads them from). */
export function coreUrlWithSecret(
  form: BitcoinBackendForm,
): { url: string } | { error: string; field: ChainField } {
  let url: URL;
  try {
    url = new URL(form.coreUrl.trim());
  } catch {
    return { field: 'url', error: 'The URL must look like http://127.0.0.1:8332.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { field: 'url', error: 'The URL must start with http:// or https://.' };
  if (form.coreAuth === 'cookie') {
    const cookie = form.coreCookie.trim();
    if (cookie === '') return { field: 'coreCookie', error: 'Paste the content of the .cookie file.' };
    const at = cookie.indexOf(':');
    url.username = encodeURIComponent(at >= 0 ? cookie.slice(0, at) : '__cookie__');
    url.password = encodeURIComponent(at >= 0 ? cookie.slice(at + 1) : cookie);
  } else {
    if (form.coreUser.trim() === '') return { field: 'coreUser', error: 'Enter the RPC user.' };
    if (form.corePassword === '')
      return { field: 'corePassword', error: 'Enter the RPC password (it is never shown again).' };
    url.username = encodeURIComponent(form.coreUser.trim());
    url.password = encodeURIComponent(form.corePassword);
  }
  return { url: url.toString() };
}

/** The `bitcoin` part of a request, when the owner edited the backend. */
function bitcoinPart(
  form: BitcoinBackendForm,
  setup: Chain['setup']['bitcoin'],
): { bitcoin?: ConfigureInput['bitcoin'] } | { errors: ChainErrors } {
  if (!form.edited) return {};
  if (form.kind === 'esplora') {
    const url = form.esploraUrl.trim();
    if (url !== '') return { bitcoin: { kind: 'esplora', url } };
    // Empty keeps an Esplora URL saved now; from another backend it is needed.
    return setup?.kind === 'esplora' ? {} : { errors: { url: 'Enter the Esplora URL.' } };
  }
  if (form.kind === 'electrum') {
    const port = wholeNumber(form.port, 'port');
    if (port === undefined) return { errors: { port: 'Enter the port, e.g. 50002.' } };
    if (typeof port === 'object') return { errors: { port: port.error } };
    const certSha256 = form.certSha256.trim();
    return {
      bitcoin: {
        kind: 'electrum',
        host: form.host.trim(),
        port,
        tls: form.tls,
        // Left out, the core keeps the pin saved for this host and port; null removes it.
        ...(certSha256 ? { certSha256 } : form.unpin ? { certSha256: null } : {}),
      },
    };
  }
  const withSecret = coreUrlWithSecret(form);
  if ('error' in withSecret) return { errors: { [withSecret.field]: withSecret.error } };
  const wallet = form.wallet.trim();
  return { bitcoin: { kind: 'core', url: withSecret.url, ...(wallet ? { wallet } : {}) } };
}

/** The EVM URL lists of a request; none when the RPC list is left empty and no WebSocket is typed. */
function evmPart(form: EvmUrlsForm): Pick<ConfigureInput, 'rpcUrls' | 'wsUrls'> {
  const rpcUrls = linesOf(form.rpcText);
  const wsUrls = linesOf(form.wsText);
  if (rpcUrls.length > 0) return { rpcUrls, wsUrls };
  return wsUrls.length > 0 ? { wsUrls } : {};
}

/** The common settings: only what changed from the chain is sent. */
function settingsPart(
  chain: Chain,
  form: ChainSettingsForm,
): Partial<ConfigureInput> | { errors: ChainErrors } {
  const confirmations = wholeNumber(form.confirmations, 'confirmations');
  if (typeof confirmations === 'object') return { errors: { confirmations: confirmations.error } };
  const label = form.label.trim();
  const explorerTxUrl = form.explorerTxUrl.trim();
  return {
    ...(label !== chain.label ? { label } : {}),
    ...(confirmations !== undefined && confirmations !== chain.confirmations ? { confirmations } : {}),
    ...(explorerTxUrl && explorerTxUrl !== chain.setup.explorerTxUrl ? { explorerTxUrl } : {}),
  };
}

/** A known chain's form → its `chains.configure` request, or the errors by field. */
export function chainRequest(
  chain: Chain,
  settings: ChainSettingsForm,
  backend: { bitcoin: BitcoinBackendForm } | { evm: EvmUrlsForm },
): FormResult {
  const common = settingsPart(chain, settings);
  if ('errors' in common) return { ok: false, errors: common.errors };
  let part: Partial<ConfigureInput>;
  if ('bitcoin' in backend) {
    const bitcoin = bitcoinPart(backend.bitcoin, chain.setup.bitcoin);
    if ('errors' in bitcoin) return { ok: false, errors: bitcoin.errors };
    part = bitcoin;
  } else {
    part = evmPart(backend.evm);
  }
  return checkRequest({ chainKey: chain.chainKey, ...common, ...part });
}

/**
 * The core's refusal of a request, beside the field that caused it: schema issues by their path,
 * an unknown chain, or one known already, beside the chain id; what no field owns is `rest` (a
 * toast's).
 */
export function refusalErrors(error: unknown): { byField: ChainErrors; rest: string | null } {
  const reason =
    error instanceof ApiCallError ? (error.details as { reason?: unknown } | undefined)?.reason : null;
  if (error instanceof ApiCallError && (error.code === 'not_found' || reason === 'chain_exists'))
    return { byField: { chainId: error.message }, rest: null };
  return fieldErrorsOf<ChainField>(error, fieldOfPath);
}
