/**
 * The EVM forms, pure: a new EVM chain (chain id, name, native coin, URLs, confirmations, explorer
 * link) turned into a `chains.addEvm` request, and a token's contract address into a
 * `chains.addToken` request, each checked by the core's own schema first, each problem (and each
 * refusal of the core) placed beside the field it belongs to.
 */
import { type ApiInput, handlers } from '../../../../shared/api';
import { ApiCallError } from '../../../../shared/api/errors';
import { errorMessage, issueSentence, inputIssuesOf } from '../../ui/errorMessage';
import {
  type Chain,
  type ChainErrors,
  type EvmUrlsForm,
  checkInput,
  linesOf,
  wholeNumber,
} from './chainForms';

export type AddEvmInput = ApiInput<'chains.addEvm'>;
export type AddTokenInput = ApiInput<'chains.addToken'>;

export interface CustomChainForm extends EvmUrlsForm {
  chainId: string;
  label: string;
  nativeSymbol: string;
  nativeDecimals: string;
  confirmations: string;
  explorerTxUrl: string;
}

export const emptyCustomChain: CustomChainForm = {
  chainId: '',
  label: '',
  nativeSymbol: '',
  nativeDecimals: '18',
  confirmations: '',
  explorerTxUrl: '',
  rpcText: '',
  wsText: '',
};

/** A new EVM chain → its `chains.addEvm` request, or the errors by field. */
export function addEvmRequest(
  form: CustomChainForm,
  known: readonly Chain[],
): { ok: true; input: AddEvmInput } | { ok: false; errors: ChainErrors } {
  const id = form.chainId.trim();
  const errors: ChainErrors = {};
  if (!/^[1-9]\d{0,11}$/.test(id)) errors.chainId = 'The chain id must be a whole number from 1, e.g. 8453.';
  const same = known.find((chain) => chain.chainKey === `evm:${id}`);
  if (same) errors.chainId = `Chain id ${id} is ${same.label}, already in the list.`;
  if (form.label.trim() === '') errors.label = 'Enter the chain’s name.';
  if (form.nativeSymbol.trim() === '') errors.nativeSymbol = 'Enter the coin’s symbol, e.g. ETH.';
  if (linesOf(form.rpcText).length === 0) errors.rpcUrls = 'Enter at least one RPC URL.';
  const confirmations = wholeNumber(form.confirmations, 'confirmations');
  if (confirmations === undefined) errors.confirmations = 'Enter the confirmations, e.g. 12.';
  else if (typeof confirmations === 'object') errors.confirmations = confirmations.error;
  const decimals = wholeNumber(form.nativeDecimals, 'nativeDecimals');
  if (typeof decimals === 'object') errors.nativeDecimals = decimals.error;
  const explorerTxUrl = form.explorerTxUrl.trim();
  const input: AddEvmInput = {
    chainId: Number(id),
    label: form.label.trim(),
    nativeSymbol: form.nativeSymbol.trim(),
    nativeDecimals: typeof decimals === 'number' ? decimals : 18,
    rpcUrls: linesOf(form.rpcText),
    wsUrls: linesOf(form.wsText),
    confirmations: typeof confirmations === 'number' ? confirmations : 0,
    ...(explorerTxUrl ? { explorerTxUrl } : {}),
  };
  const checked = checkInput(handlers['chains.addEvm'].input, input, 'label');
  const all = { ...(checked.ok ? {} : checked.errors), ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, input };
}

/** A token's contract address → its `chains.addToken` request, or the sentence beside the field. */
export function addTokenRequest(
  chain: Chain,
  contract: string,
): { ok: true; input: AddTokenInput } | { ok: false; error: string } {
  const trimmed = contract.trim();
  if (trimmed === '') return { ok: false, error: 'Enter the token’s contract address (0x…).' };
  const listed = chain.assets.find((asset) => asset.contract?.toLowerCase() === trimmed.toLowerCase());
  if (listed) return { ok: false, error: `${chain.label} takes ${listed.symbol} at that address already.` };
  const input: AddTokenInput = { chainKey: chain.chainKey, contract: trimmed };
  const checked = checkInput(handlers['chains.addToken'].input, input, 'contract');
  if (checked.ok) return checked;
  return { ok: false, error: checked.errors.contract ?? Object.values(checked.errors)[0] ?? 'Check it.' };
}

/** The core's refusal of a token (none could be read there, a symbol taken…), worded for the field. */
export function tokenRefusal(error: unknown): string {
  const [issue] = inputIssuesOf(error);
  if (issue && error instanceof ApiCallError && /^Invalid input/.test(error.message))
    return issueSentence({ ...issue, path: issue.path === 'contract' ? 'token contract' : issue.path });
  return errorMessage(error);
}

/** Whether a chain's asset is a token the owner added (so it may be removed). */
export function isAddedToken(chain: Chain, contract: string | null): boolean {
  if (contract === null) return false;
  return chain.addedTokens.some((added) => added.toLowerCase() === contract.toLowerCase());
}
