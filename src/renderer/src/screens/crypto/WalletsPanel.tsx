/**
 * Settings › Payments › Crypto wallets: watch-only wallets (an extended PUBLIC key per chain family;
 * a private key or seed phrase is refused by the core and never stored), each with its first
 * addresses to check against the wallet app and the gap-limit warning with its fix.
 */
import { useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Button, Card, LoadError, LoadingPanel, Select, TextField, errorMessage, toast } from '../../ui';
import './crypto.css';

type Wallet = ApiOutput<'wallets.list'>['wallets'][number];
const networks = [
  { value: 'bitcoin/mainnet', label: 'Bitcoin (mainnet): zpub / xpub' },
  { value: 'bitcoin/testnet', label: 'Bitcoin testnet: vpub / tpub' },
  { value: 'bitcoin/signet', label: 'Bitcoin signet: vpub / tpub' },
  { value: 'bitcoin/regtest', label: 'Bitcoin regtest: vpub / tpub' },
  { value: 'evm/evm', label: 'EVM chains (Ethereum, Polygon, …): account xpub' },
] as const;

const loadWallets = async () => (await client.invoke('wallets.list', {})).wallets;

export function WalletsPanel() {
  const loaded = useCoreData(loadWallets);
  const { reload } = loaded;
  const wallets = loaded.kind === 'ready' ? loaded.data : null;
  const [which, setWhich] = useState<(typeof networks)[number]['value']>('bitcoin/mainnet');
  const [publicKey, setPublicKey] = useState('');
  const [label, setLabel] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);

  const add = async () => {
    const [family, network] = which.split('/') as ['bitcoin' | 'evm', string];
    setKeyError(null);
    try {
      const { wallet } = await client.invoke('wallets.add', {
        family,
        network,
        publicKey: publicKey.slice(0, 400),
        ...(label.trim() ? { label: label.trim().slice(0, 60) } : {}),
      });
      // Never keep what was pasted in the page longer than needed.
      setPublicKey('');
      setLabel('');
      toast.success(`${wallet.label} added: check its first addresses against the wallet app.`);
      reload();
    } catch (failure) {
      setPublicKey('');
      setKeyError(errorMessage(failure));
    }
  };
  const remove = async (wallet: Wallet) => {
    try {
      await client.invoke('wallets.remove', { walletId: wallet.id });
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The wallet was not removed' });
    }
  };

  return (
    <Card
      title="Crypto wallets"
      description="Watch-only: paste the account's extended PUBLIC key. The till never takes a private key or seed phrase."
    >
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the wallets" />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={reload} />}
      <ul className="crypto-wallets" aria-label="Crypto wallets">
        {wallets?.map((wallet) => (
          <li key={wallet.id} className="crypto-card">
            <strong>{wallet.label}</strong>
            <span>
              {wallet.family === 'evm' ? 'EVM chains' : `Bitcoin ${wallet.network}`} · next address #
              {wallet.nextIndex}
            </span>
            <code className="copy-row__value">{wallet.publicKey}</code>
            <span className="due-card__note">First addresses (check them in the wallet app):</span>
            <ol className="crypto-addresses" start={0}>
              {wallet.firstAddresses.map((a) => (
                <li key={a.index}>
                  <code>{a.address}</code>
                </li>
              ))}
            </ol>
            {wallet.gapWarning && (
              <p className="form-error" role="alert">
                {wallet.gapWarning}
              </p>
            )}
            <div>
              <Button variant="ghost" onClick={() => void remove(wallet)}>
                Remove
              </Button>
            </div>
          </li>
        ))}
        {wallets && wallets.length === 0 && <li>No wallet yet.</li>}
      </ul>
      <div className="crypto-form">
        <Select label="Chain family" options={networks} value={which} onValueChange={setWhich} />
        <TextField
          label="Extended public key"
          value={publicKey}
          onChange={(e) => setPublicKey(e.target.value)}
          maxLength={400}
          autoComplete="off"
          spellCheck={false}
          error={keyError ?? undefined}
        />
        <TextField
          label="Name (optional)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={60}
        />
        <Button variant="primary" onClick={() => void add()} disabled={publicKey.trim() === ''}>
          Add wallet
        </Button>
      </div>
    </Card>
  );
}
