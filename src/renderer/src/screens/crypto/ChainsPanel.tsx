/**
 * Settings › Payments › Crypto networks: each chain the till knows (the Bitcoin networks, the
 * preconfigured EVM chains, those the owner added), on or off, its name, confirmations, explorer
 * link, where its watcher reads it (Bitcoin: Esplora, Electrum with a pinned certificate or not,
 * or Bitcoin Core; EVM: RPC and WebSocket URLs with fail-over), an EVM chain's tokens, the default
 * QR content, and a connection test; and a form adding an EVM chain. Owners only (settings.edit).
 * The forms start from the chain view's `setup`: URLs are shown back by host only (an RPC URL may
 * hold an API key) and secrets never: the renderer sends them and forgets them.
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useCan } from '../../app/useCan';
import { Button, Card, LoadError, LoadingPanel, Select, Switch, errorMessage, toast } from '../../ui';
import { BitcoinBackendForm } from './BitcoinBackendForm';
import {
  type BitcoinBackendForm as BitcoinForm,
  type Chain,
  type ChainErrors,
  type ChainSettingsForm,
  type ConfigureInput,
  type EvmUrlsForm,
  bitcoinFormOf,
  chainRequest,
  refusalErrors,
} from './chainForms';
import { ChainSettingsFields } from './ChainSettingsFields';
import { CustomEvmChainForm, EvmUrlsFields } from './EvmChainForm';
import { TokenList } from './TokenList';
import './crypto.css';
import './chainForms.css';

const settingsOf = (chain: Chain): ChainSettingsForm => ({
  label: chain.label,
  confirmations: String(chain.confirmations),
  explorerTxUrl: chain.setup.explorerTxUrl ?? '',
});

/** Where a chain is read, in words, from its set-up: hosts only, and whether a certificate is pinned. */
function readsText(chain: Chain): string {
  const { bitcoin, rpcHosts, wsHosts } = chain.setup;
  if (chain.family === 'evm') {
    if (rpcHosts.length === 0) return 'not set';
    const pushed = wsHosts.length > 0 ? ` · new blocks from ${wsHosts.join(', ')}` : '';
    return `RPC ${rpcHosts.join(', ')}${pushed}`;
  }
  if (bitcoin === null) return 'not set';
  if (bitcoin.kind === 'electrum') {
    const tls = bitcoin.tls ? ' (TLS)' : '';
    return `Electrum ${bitcoin.host}:${bitcoin.port}${tls}${bitcoin.pinned ? ' · certificate pinned' : ''}`;
  }
  if (bitcoin.kind === 'core')
    return `Bitcoin Core ${bitcoin.host}${bitcoin.wallet ? ` · wallet ${bitcoin.wallet}` : ''}`;
  return `Esplora ${bitcoin.host}`;
}

function ConnectionTest({ chain }: { chain: Chain }) {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<string | null>(null);
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
    <>
      <Button variant="secondary" loading={testing} onClick={() => void test()}>
        Test the connection
      </Button>
      {result && <p role="status">{result}</p>}
    </>
  );
}

function ChainRow({ chain, onSaved }: { chain: Chain; onSaved: (chain: Chain) => void }) {
  const [settings, setSettings] = useState(() => settingsOf(chain));
  const [bitcoin, setBitcoin] = useState<BitcoinForm>(() => bitcoinFormOf(chain.setup.bitcoin));
  const [evm, setEvm] = useState<EvmUrlsForm>({ rpcText: '', wsText: '' });
  const [errors, setErrors] = useState<ChainErrors>({});
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  const formId = `chain-setup-${chain.chainKey.replace(':', '-')}`;

  const send = async (input: ConfigureInput): Promise<Chain | null> => {
    setSaving(true);
    try {
      const saved = (await client.invoke('chains.configure', input)).chain;
      setErrors({});
      onSaved(saved);
      return saved;
    } catch (failure) {
      const { byField, rest } = refusalErrors(failure);
      setErrors(byField);
      if (rest) toast.error(rest, { title: `${chain.label} was not saved` });
      return null;
    } finally {
      setSaving(false);
    }
  };

  const save = async () => {
    const result = chainRequest(chain, settings, chain.family === 'bitcoin' ? { bitcoin } : { evm });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const saved = await send(result.input);
    if (saved) {
      toast.success(`${saved.label} saved`);
      // Secrets and URLs are forgotten: the forms start again from the saved set-up (hosts only).
      setBitcoin(bitcoinFormOf(saved.setup.bitcoin));
      setEvm({ rpcText: '', wsText: '' });
      setSettings(settingsOf(saved));
    }
  };

  return (
    <li className="crypto-card chain-form" data-testid={`chain-${chain.chainKey}`}>
      <strong>
        {chain.label}{' '}
        {chain.chainId !== null && <span className="due-card__note">chain id {chain.chainId}</span>}
      </strong>
      <span className="due-card__note" data-testid="chain-backend">
        {chain.assets.map((a) => a.symbol).join(', ')} · reads {readsText(chain)}
        {chain.custom ? ' · added by you' : ''}
        {chain.hasWallet ? '' : ' · no wallet yet'}
        {chain.watcher
          ? ` · watcher ${chain.watcher.state}${chain.watcher.tipHeight !== null ? `, block ${chain.watcher.tipHeight}` : ''}`
          : ''}
      </span>
      <div className="chain-form__fields">
        <Switch
          label="Offered at the checkout"
          checked={chain.enabled}
          disabled={saving}
          onCheckedChange={(enabled) => void send({ chainKey: chain.chainKey, enabled })}
        />
        <Select
          label="QR code holds"
          value={chain.qrStyle}
          disabled={saving}
          onValueChange={(qrStyle) => void send({ chainKey: chain.chainKey, qrStyle })}
          options={[
            { value: 'uri', label: 'The payment request' },
            { value: 'address', label: 'The address only' },
          ]}
        />
      </div>
      {open && (
        <div className="chain-form__setup" id={formId}>
          <ChainSettingsFields
            form={settings}
            errors={errors}
            disabled={saving}
            nameLabel="Name"
            keepHint
            onChange={(patch) => setSettings({ ...settings, ...patch })}
          />
          {chain.family === 'bitcoin' ? (
            <BitcoinBackendForm
              form={bitcoin}
              errors={errors}
              disabled={saving}
              pinned={chain.setup.bitcoin?.kind === 'electrum' && chain.setup.bitcoin.pinned}
              onChange={setBitcoin}
            />
          ) : (
            <EvmUrlsFields form={evm} errors={errors} disabled={saving} keepHint onChange={setEvm} />
          )}
          <div className="chain-form__actions">
            <Button
              variant="primary"
              loading={saving}
              onClick={() => void save()}
              aria-label={`Save ${chain.label}`}
            >
              Save
            </Button>
          </div>
        </div>
      )}
      {chain.family === 'evm' && <TokenList chain={chain} onSaved={onSaved} />}
      <div className="chain-form__actions">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
          onClick={() => setOpen(!open)}
        >
          Change the set-up
        </Button>
        <ConnectionTest chain={chain} />
      </div>
    </li>
  );
}

function ChainList() {
  const loadChains = useCallback(async () => (await client.invoke('chains.list', {})).chains, []);
  const load = useCoreData(loadChains);
  const [saved, setSaved] = useState<Record<string, Chain>>({});
  if (load.kind === 'loading') return <LoadingPanel label="Loading the crypto networks" />;
  if (load.kind === 'error') return <LoadError message={load.message} onRetry={() => load.reload()} />;
  const chains = load.data.map((chain) => saved[chain.chainKey] ?? chain);
  return (
    <>
      <ul className="crypto-chains" aria-label="Crypto networks">
        {chains.map((chain) => (
          <ChainRow
            key={chain.chainKey}
            chain={chain}
            onSaved={(next) => setSaved((current) => ({ ...current, [next.chainKey]: next }))}
          />
        ))}
      </ul>
      <CustomEvmChainForm
        chains={chains}
        onSaved={() => {
          setSaved({});
          load.reload();
        }}
      />
    </>
  );
}

export function ChainsPanel() {
  const canEdit = useCan('settings.edit');
  return (
    <Card title="Crypto networks" description="The chains the till watches for payments, and how.">
      {canEdit ? (
        <ChainList />
      ) : (
        <p className="muted">Only an owner can see and change the crypto networks.</p>
      )}
    </Card>
  );
}
