/**
 * An EVM chain's assets: its coin and tokens, each token the owner added with a Remove button, and
 * a field adding a token by its contract address (`chains.addToken`: the core reads its decimals
 * and symbol on-chain). Problems and the core's refusals are shown beside the field.
 */
import { useState } from 'react';
import { client } from '../../api';
import { Button, TextField, errorMessage, toast } from '../../ui';
import { type Chain } from './chainForms';
import { addTokenRequest, isAddedToken, tokenRefusal } from './evmForms';

export function TokenList({ chain, onSaved }: { chain: Chain; onSaved: (chain: Chain) => void }) {
  const [contract, setContract] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);

  const add = async () => {
    const result = addTokenRequest(chain, contract);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setBusy('add');
    try {
      const saved = (await client.invoke('chains.addToken', result.input)).chain;
      const token = saved.assets.find(
        (asset) => asset.contract?.toLowerCase() === result.input.contract.toLowerCase(),
      );
      toast.success(`${token?.symbol ?? 'The token'} added to ${saved.label}`);
      setContract('');
      onSaved(saved);
    } catch (failure) {
      setError(tokenRefusal(failure));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (token: string, symbol: string) => {
    setBusy(token);
    try {
      const saved = (await client.invoke('chains.removeToken', { chainKey: chain.chainKey, contract: token }))
        .chain;
      toast.success(`${symbol} removed from ${saved.label}`);
      onSaved(saved);
    } catch (failure) {
      toast.error(errorMessage(failure), { title: `${symbol} was not removed` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="chain-tokens">
      <ul className="chain-tokens__list" aria-label={`Assets on ${chain.label}`}>
        {chain.assets.map((asset) => (
          <li key={asset.contract ?? asset.symbol} className="chain-tokens__item">
            <span className="chain-tokens__name">
              <strong>{asset.symbol}</strong>{' '}
              <span className="due-card__note">
                {asset.contract === null ? 'coin' : asset.contract} · {asset.decimals} decimals
              </span>
            </span>
            {isAddedToken(chain, asset.contract) && asset.contract !== null && (
              <Button
                variant="ghost"
                size="md"
                loading={busy === asset.contract}
                disabled={busy !== null}
                aria-label={`Remove ${asset.symbol}`}
                onClick={() => void remove(asset.contract ?? '', asset.symbol)}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="chain-tokens__add">
        <TextField
          label="Add a token"
          placeholder="0x… contract address"
          hint="Its symbol and decimals are read from the chain."
          value={contract}
          maxLength={42}
          spellCheck={false}
          autoComplete="off"
          disabled={busy !== null}
          error={error}
          onChange={(event) => setContract(event.target.value)}
        />
        <Button
          variant="secondary"
          loading={busy === 'add'}
          disabled={busy !== null}
          aria-label={`Add token to ${chain.label}`}
          onClick={() => void add()}
        >
          Add token
        </Button>
      </div>
    </div>
  );
}
