/**
 * A customer's membership on their profile: the tier, until when, a reminder when it ends within a
 * week, and renewing it from the coin balance (optionally by itself each time it ends).
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { formatDateTime } from '../../app/format';
import { Badge, Button, LoadError, LoadingPanel, Select, Switch, toast, useDisplayLocale } from '../../ui';

export function MembershipSection({ customerId, onChanged }: { customerId: string; onChanged: () => void }) {
  const locale = useDisplayLocale();
  const loadMembership = useCallback(async () => {
    const [status, list] = await Promise.all([
      client.invoke('memberships.status', { customerId }),
      client.invoke('memberships.tiers', {}),
    ]);
    return { membership: status.membership, tiers: list.tiers };
  }, [customerId]);
  const loaded = useCoreData(loadMembership);
  const [tierId, setTierId] = useState('');
  const [autoRenew, setAutoRenew] = useState(false);
  // What was loaded sets the choices: the tier chosen stays, the auto-renewal follows the core's.
  const data = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (!data) return;
    setTierId((current) => current || data.membership?.tier.id || data.tiers[0]?.id || '');
    setAutoRenew(data.membership?.autoRenew ?? false);
  }, [data]);

  const renew = async () => {
    try {
      await client.invoke('memberships.renewWithCoins', { customerId, tierId, autoRenew });
      toast.success('Membership paid with coins.');
      loaded.reload();
      onChanged();
    } catch (failure) {
      toast.error(failure, { title: 'The membership was not renewed' });
    }
  };

  const membership = data?.membership ?? null;
  const coinTiers = data?.tiers.filter((t) => t.coinPrice !== null) ?? [];
  return (
    <section className="membership" aria-label="Membership" data-testid="membership">
      <h3>Membership</h3>
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the membership" />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={loaded.reload} />}
      {data &&
        (membership ? (
          <p>
            <strong>{membership.tier.name}</strong> · {membership.tier.discountPercent}% off ·{' '}
            {membership.valid
              ? `valid until ${formatDateTime(membership.validUntil, locale)} (${membership.daysLeft} days)`
              : 'ended'}{' '}
            {membership.endsSoon && <Badge tone="warning">Ends soon — remind the customer</Badge>}
          </p>
        ) : (
          <p>Not a member.</p>
        ))}
      {coinTiers.length > 0 && (
        <div className="membership__renew">
          <Select
            label="Tier"
            value={tierId}
            onValueChange={setTierId}
            options={coinTiers.map((t) => ({ value: t.id, label: `${t.name} · ${t.coinPrice ?? ''} coins` }))}
          />
          <Switch label="Renew from coins when it ends" checked={autoRenew} onCheckedChange={setAutoRenew} />
          <Button variant="secondary" disabled={!tierId} onClick={() => void renew()}>
            Pay with coins
          </Button>
        </div>
      )}
    </section>
  );
}
