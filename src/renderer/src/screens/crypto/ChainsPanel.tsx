/**
 * Settings › Payments › Crypto networks: each chain the till knows (the Bitcoin networks, the
 * preconfigured EVM chains), on or off, where its watcher reads it, confirmations, the default QR
 * content, and a connection test. URLs are shown by host only (an RPC URL may hold an API key).
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Button, Card, Select, Switch, TextField, errorMessage, toast } from '../../ui';
import './crypto.css';

type Chain = ApiOutput<'chains.list'>['chains'][number];

function ChainRow({ chain, onSaved }: { chain: Chain; onSaved: () => void }) {
  const [url, setUrl] = useState('');
  const [confirmations, setConfirmations] = useState(String(chain.confirmations));
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const save = async (patch: Partial<ApiOutput<'chains.list'>['chains'][number]> & { url?: string }) => {
    try {
      const count = Number(confirmations);
      await client.invoke('chains.configure', {
        chainKey: chain.chainKey,
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(patch.qrStyle !== undefined ? { qrStyle: patch.qrStyle } : {}),
        ...(Number.isInteger(count) && count !== chain.confirmations ? { confirmations: count } : {}),
        ...(patch.url
          ? chain.family === 'bitcoin'
            ? { bitcoin: { kind: 'esplora' as const, url: patch.url } }
            : { rpcUrls: [patch.url] }
          : {}),
      });
      setUrl('');
      onSaved();
    } catch (failure) {
      toast.error(failure, { title: `${chain.label} was not saved` });
    }
  };
  const test = async () => {
    setTesting(true);
    setResult(null);
    try {
      const answer = await client.invoke('chains.test', { chainKey: chain.chainKey });
      setResult(
        answer.ok ? `Connected: block ${answer.tipHeight ?? '?'}.` : `Not connected: ${answer.detail}`,
      );
    } catch (failure) {
      setResult(errorMessage(failure));
    } finally {
      setTesting(false);
    }
  };
  return (
    <li className="crypto-card" data-testid={`chain-${chain.chainKey}`}>
      <strong>
        {chain.label}{' '}
        {chain.chainId !== null && <span className="due-card__note">chain id {chain.chainId}</span>}
      </strong>
      <span className="due-card__note">
        {chain.assets.map((a) => a.symbol).join(', ')} · reads {chain.backend}
        {chain.hasWallet ? '' : ' · no wallet yet'}
        {chain.watcher
          ? ` · watcher ${chain.watcher.state}${chain.watcher.tipHeight !== null ? `, block ${chain.watcher.tipHeight}` : ''}`
          : ''}
      </span>
      <div className="crypto-form">
        <Switch
          label="Offered at the checkout"
          checked={chain.enabled}
          onCheckedChange={(enabled) => void save({ enabled })}
        />
        <Select
          label="QR code holds"
          value={chain.qrStyle}
          onValueChange={(qrStyle) => void save({ qrStyle })}
          options={[
            { value: 'uri', label: 'The payment request' },
            { value: 'address', label: 'The address only' },
          ]}
        />
        <TextField
          label="Confirmations"
          inputMode="numeric"
          value={confirmations}
          onChange={(e) => setConfirmations(e.target.value.replace(/\D/g, '').slice(0, 3))}
          onBlur={() => void save({})}
        />
        <TextField
          label={chain.family === 'bitcoin' ? 'Esplora URL' : 'RPC URL'}
          placeholder={chain.family === 'bitcoin' ? 'https://mempool.space/api' : 'https://…'}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          maxLength={300}
          autoComplete="off"
        />
        <Button
          variant="secondary"
          disabled={url.trim() === ''}
          onClick={() => void save({ url: url.trim() })}
        >
          Save URL
        </Button>
        <Button variant="secondary" loading={testing} onClick={() => void test()}>
          Test the connection
        </Button>
      </div>
      {result && <p role="status">{result}</p>}
    </li>
  );
}

export function ChainsPanel() {
  const [chains, setChains] = useState<Chain[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setChains((await client.invoke('chains.list', {})).chains);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Card title="Crypto networks" description="The chains the till watches for payments, and how.">
      {error && <p className="form-error">{error}</p>}
      <ul className="crypto-chains" aria-label="Crypto networks">
        {chains?.map((chain) => (
          <ChainRow key={chain.chainKey} chain={chain} onSaved={() => void load()} />
        ))}
      </ul>
    </Card>
  );
}
