/** The `stripe.*` handlers: this till's Stripe set-up, through the settings store and the card tender's client. */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';
import { type stripeTestCards } from '../../shared/api/stripe';
import { type PartialHandlerImpls } from '../kernel';
import { type AuditService } from '../audit';
import { type CardTender } from './cardTender';
import { type PhoneTender } from './phoneTender';
import { describeStripeError } from './stripeErrors';
import { keyHint, keyMode, type StripeSettingsStore } from './stripeSettings';

type StripeTestCard = (typeof stripeTestCards)[number];

const locationView = (location: Stripe.Terminal.Location) => ({
  id: location.id,
  displayName: location.display_name,
  city: location.address?.city ?? null,
  country: location.address?.country ?? null,
});

const testCardNumbers: Record<StripeTestCard, string> = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  charge_declined: '4000000000000002',
  charge_declined_insufficient_funds: '4000000000009995',
  charge_declined_expired_card: '4000000000000069',
};

const testCards: { card: StripeTestCard; label: string; approves: boolean }[] = [
  { card: 'visa', label: 'Visa: approved', approves: true },
  { card: 'mastercard', label: 'Mastercard: approved', approves: true },
  { card: 'charge_declined', label: 'Declined', approves: false },
  { card: 'charge_declined_insufficient_funds', label: 'Insufficient funds', approves: false },
  { card: 'charge_declined_expired_card', label: 'Expired card', approves: false },
];

export function createStripeHandlers(options: {
  settings: StripeSettingsStore;
  tender: CardTender;
  phone: PhoneTender;
  audit: AuditService;
  paymentExternalId: (paymentId: string) => string | null;
}): PartialHandlerImpls {
  const { settings, tender, phone, audit } = options;

  const status = (connection: { ok: boolean; message: string | null } | null = null) => {
    const setup = settings.read();
    return {
      keySource: settings.keySource(),
      mode: setup ? setup.mode : null,
      keyHint: setup ? keyHint(setup.secretKey) : null,
      locationId: setup?.locationId ?? null,
      readerId: setup?.readerId ?? null,
      tipOnReader: setup?.tipOnReader ?? false,
      connection,
    };
  };
  const stripe = (): Stripe => {
    const setup = settings.read();
    if (!setup)
      throw new TillpointError('conflict', 'Stripe is not set up: enter the secret key first.', {
        reason: 'no_key',
      });
    return tender.client(setup.secretKey);
  };
  /** A Stripe call, its failure turned into our error (never with the key in it). */
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TillpointError) throw error;
      const trouble = describeStripeError(error);
      const message =
        trouble.kind === 'network'
          ? 'Stripe could not be reached: check the network and try again.'
          : trouble.message;
      throw new TillpointError(trouble.kind === 'network' ? 'unavailable' : 'bad_input', message, {
        stripeCode: trouble.code,
      });
    }
  };
  const readerView = (reader: Stripe.Terminal.Reader) => ({
    id: reader.id,
    label: reader.label,
    deviceType: reader.device_type,
    serialNumber: reader.serial_number,
    status: reader.status ?? null,
    locationId: typeof reader.location === 'string' ? reader.location : (reader.location?.id ?? null),
    simulated: reader.device_type.startsWith('simulated_'),
    chosen: settings.read()?.readerId === reader.id,
  });

  /** This till's reader when it is a simulated one on a test key (demo mode, a Stripe test account). */
  const simulatedReader = async (): Promise<{ stripe: Stripe; readerId: string } | null> => {
    const setup = settings.read();
    if (!setup || setup.mode !== 'test' || !setup.readerId) return null;
    const client = tender.client(setup.secretKey);
    const reader = await client.terminal.readers.retrieve(setup.readerId).catch(() => null);
    if (!reader || 'deleted' in reader || !reader.device_type.startsWith('simulated_')) return null;
    return { stripe: client, readerId: reader.id };
  };

  return {
    'stripe.checkoutLink': async (input) => {
      const externalId = options.paymentExternalId(input.paymentId);
      if (!externalId || !externalId.startsWith('cs_')) {
        throw new TillpointError('not_found', `No pay-by-phone payment ${input.paymentId}.`, {
          paymentId: input.paymentId,
        });
      }
      const link = await call(() => phone.link(externalId));
      return { url: link.url, expiresAt: link.url ? new Date(link.expiresAt * 1000).toISOString() : null };
    },
    'stripe.testCards': async () => {
      const available = (await simulatedReader()) !== null;
      return { available, cards: available ? testCards : [] };
    },
    'stripe.presentTestCard': async (input) => {
      const found = await simulatedReader();
      if (!found) {
        throw new TillpointError('conflict', 'Test cards work only on a simulated reader with a test key.', {
          reason: 'not_simulated',
        });
      }
      await call(() =>
        found.stripe.testHelpers.terminal.readers.presentPaymentMethod(found.readerId, {
          card_present: { number: testCardNumbers[input.card] },
        }),
      );
      return { presented: true as const };
    },
    'stripe.status': async (input) => {
      if (!input.check) return status();
      const setup = settings.read();
      if (!setup) return status({ ok: false, message: 'No secret key is set.' });
      try {
        await tender.checkClient(setup.secretKey).terminal.locations.list({ limit: 1 });
        return status({ ok: true, message: null });
      } catch (error) {
        return status({ ok: false, message: describeStripeError(error).message });
      }
    },
    'stripe.setKey': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      if (settings.keySource() === 'env') {
        throw new TillpointError('conflict', 'The Stripe key comes from the environment; change it there.', {
          reason: 'key_from_environment',
        });
      }
      await call(() => tender.checkClient(input.secretKey).terminal.locations.list({ limit: 1 }));
      settings.saveKey(input.secretKey);
      audit.record({
        staffId,
        action: 'stripe.key_set',
        ref: 'stripe',
        details: { mode: keyMode(input.secretKey), keyHint: keyHint(input.secretKey) },
      });
      return status({ ok: true, message: null });
    },
    'stripe.removeKey': (_input, ctx) => {
      const staffId = ctx.staff.staffId;
      if (settings.keySource() === 'env') {
        throw new TillpointError('conflict', 'The Stripe key comes from the environment; remove it there.', {
          reason: 'key_from_environment',
        });
      }
      settings.removeKey();
      audit.record({ staffId, action: 'stripe.key_removed', ref: 'stripe', details: {} });
      return status();
    },
    'stripe.locations': async () => {
      const listed = await call(() => stripe().terminal.locations.list({ limit: 100 }));
      return { locations: listed.data.map(locationView) };
    },
    'stripe.createLocation': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      const { address } = input;
      const location = await call(() =>
        stripe().terminal.locations.create({
          display_name: input.displayName,
          address: {
            line1: address.line1,
            ...(address.line2 ? { line2: address.line2 } : {}),
            city: address.city,
            ...(address.state ? { state: address.state } : {}),
            postal_code: address.postalCode,
            country: address.country,
          },
        }),
      );
      settings.saveLocation(location.id);
      audit.record({
        staffId,
        action: 'stripe.location_created',
        ref: location.id,
        details: { displayName: input.displayName },
      });
      return { location: locationView(location) };
    },
    'stripe.setTipping': (input, ctx) => {
      const staffId = ctx.staff.staffId;
      if (!settings.read()) {
        throw new TillpointError('conflict', 'Stripe is not set up: enter the secret key first.', {
          reason: 'no_key',
        });
      }
      settings.saveTipping(input.onReader);
      audit.record({
        staffId,
        action: 'stripe.tipping_set',
        ref: 'stripe',
        details: { onReader: input.onReader },
      });
      return status();
    },
    'stripe.useLocation': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      const location = await call(() => stripe().terminal.locations.retrieve(input.locationId));
      if ('deleted' in location && location.deleted) {
        throw new TillpointError('not_found', `No Terminal location ${input.locationId}.`);
      }
      const kept = location as Stripe.Terminal.Location;
      settings.saveLocation(kept.id);
      audit.record({ staffId, action: 'stripe.location_chosen', ref: kept.id, details: {} });
      return { location: locationView(kept) };
    },
    'stripe.registerReader': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      const locationId = input.locationId ?? settings.read()?.locationId ?? null;
      if (!locationId) {
        throw new TillpointError('bad_input', 'Create or pick a Terminal location first.', {
          reason: 'no_location',
        });
      }
      const reader = await call(() =>
        stripe().terminal.readers.create({
          registration_code: input.registrationCode,
          location: locationId,
          ...(input.label ? { label: input.label } : {}),
        }),
      );
      settings.saveReader(reader.id);
      audit.record({
        staffId,
        action: 'stripe.reader_registered',
        ref: reader.id,
        details: { deviceType: reader.device_type, locationId },
      });
      return { reader: readerView(reader) };
    },
    'stripe.readers': async (input) => {
      const listed = await call(() =>
        stripe().terminal.readers.list({
          limit: 100,
          ...(input.locationId ? { location: input.locationId } : {}),
        }),
      );
      return { readers: listed.data.map(readerView) };
    },
    'stripe.useReader': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      const reader = (await call(() =>
        stripe().terminal.readers.retrieve(input.readerId),
      )) as Stripe.Terminal.Reader;
      settings.saveReader(reader.id);
      audit.record({ staffId, action: 'stripe.reader_chosen', ref: reader.id, details: {} });
      return { reader: readerView(reader) };
    },
  };
}
