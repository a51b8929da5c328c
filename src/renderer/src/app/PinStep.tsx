/**
 * The second step of login: who was tapped, and the PIN pad. A wrong PIN shakes the dots and shows
 * the core's words (with the tries left); a lockout shows until when and keeps the pad off until
 * then.
 */
import { useEffect, useState } from 'react';
import { client } from '../api';
import { ApiCallError } from '../../../shared/api';
import { Avatar, Button, ChevronLeftIcon, PinPad, useDisplayLocale } from '../ui';
import { roleLabels } from './format';
import { isStillLocked, lockedMessage, lockedUntilOf, loginRefusalMessage } from './loginErrors';
import { type StaffCard, type StaffSession } from './session';

export interface PinStepProps {
  member: StaffCard;
  /** The store's fixed PIN length: the pad submits by itself when it is reached (no Enter). */
  pinLength?: number | null;
  onBack: () => void;
  onLocked: (lockedUntil: string) => void;
  onSignedIn: (session: StaffSession) => void;
}

export function PinStep({ member, pinLength, onBack, onLocked, onSignedIn }: PinStepProps) {
  const locale = useDisplayLocale();
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const locked = isStillLocked(member.lockedUntil, now);

  // While locked, wake up when the lockout ends so the pad comes back by itself.
  useEffect(() => {
    if (!locked || !member.lockedUntil) return;
    const waitMs = Math.max(0, Date.parse(member.lockedUntil) - Date.now()) + 250;
    const timer = setTimeout(() => setNow(new Date()), Math.min(waitMs, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [locked, member.lockedUntil]);

  const submit = async (pin: string) => {
    try {
      const result = await client.invoke('staff.login', { staffId: member.staffId, pin });
      onSignedIn(result);
    } catch (caught) {
      if (caught instanceof ApiCallError) {
        const until = lockedUntilOf(caught);
        if (until) {
          onLocked(until);
          setNow(new Date());
        }
        setError(loginRefusalMessage(caught, locale, new Date()));
      } else {
        setError(caught instanceof Error ? caught.message : 'The PIN could not be checked.');
      }
      throw caught;
    }
  };

  return (
    <section className="pin-step" aria-labelledby="pin-step-name">
      <Button variant="ghost" icon={<ChevronLeftIcon />} className="pin-step__back" onClick={onBack}>
        Back
      </Button>
      <Avatar initials={member.initials} seed={member.staffId} size="lg" />
      <h1 id="pin-step-name" className="pin-step__name">
        {member.name}
      </h1>
      <p className="pin-step__role">{roleLabels[member.role]}</p>
      <PinPad
        label={`PIN for ${member.name}`}
        onSubmit={submit}
        {...(pinLength ? { length: pinLength } : {})}
        error={locked && member.lockedUntil ? lockedMessage(member.lockedUntil, locale, now) : error}
        onInput={() => setError(null)}
        disabled={locked}
      />
    </section>
  );
}
