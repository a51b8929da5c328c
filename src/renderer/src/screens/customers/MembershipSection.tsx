/**
 * A customer's membership on their profile: the tier, until when, a reminder when it ends within a
 * week, and renewing it from the coin balance (optionally by itself each time it ends).
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { formatDateTime } from '../../app/format';
import { Badge, Button, Select, Switch, errorMessage, toast, useDisplayLocale } from '../../ui';

type Membership = NonNullable<ApiOutput<'memberships.status'>['membership']>;
type Tier = ApiOutput<'memberships.tiers'>['tiers'][number];

export function MembershipSection({ customerId, onChanged }: { customerId: string; onChanged: () => void }) {
  const locale = useDisplayLocale();
  const [membership, setMembership] = useState<Membership | null>(null);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [tierId, setTierId] = useState('');
  const [autoRenew, setAutoRenew] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [status, list] = await Promise.all([
        client.invoke('memberships.status', { customerId }),
        client.invoke('memberships.tiers', {}),
      ]);
      setMembership(status.membership);
      setTiers(list.tiers);
      setTierId((current) => current || status.membership?.tier.id || list.tiers[0]?.id || '');
      setAutoRenew(status.membership?.autoRenew ?? false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [customerId]);

  useEffect(() => {
    void load();
  }, [load]);

  const renew = async () => {
    try {
      await client.invoke('memberships.renewWithCoins', { customerId, tierId, autoRenew });
      toast.success('Membership paid with coins.');
      await load();
      onChanged();
    } catch (failure) {
      toast.error(failure, { title: 'The membership was not renewed' });
    }
  };

  const coinTiers = tiers.filter((t) => t.coinPrice !== null);
  return (
    <section className="membership" aria-label="Membership" data-testid="membership">
      <h3>Membership</h3>
      {error && <p className="form-error">{error}</p>}
      {membership ? (
        <p>
          <strong>{membership.tier.name}</strong> · {membership.tier.discountPercent}% off ·{' '}
          {membership.valid
            ? `valid until ${formatDateTime(membership.validUntil, locale)} (${membership.daysLeft} days)`
            : 'ended'}{' '}
          {membership.endsSoon && <Badge tone="warning">Ends soon — remind the customer</Badge>}
        </p>
      ) : (
        <p>Not a member.</p>
      )}
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
