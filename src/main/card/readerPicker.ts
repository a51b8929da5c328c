/**
 * The checkout's reader picker: the readers at this till's Terminal location with their state as
 * Stripe reports it (`offline`, or `online`; an action in progress makes it `busy`), and the choice
 * of the reader this till sends its card payments to, remembered in the till's Stripe set-up. A
 * payment in flight keeps the reader it started on (its details say which), so a change never
 * moves a payment. Cashiers may pick among the readers of the till's own location only.
 */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls } from '../kernel';
import { type AuditService } from '../audit';
import { type CardTender } from './cardTender';
import { describeStripeError } from './stripeErrors';
import { type StripeSettingsStore } from './stripeSettings';

export type TillReaderState = 'online' | 'offline' | 'busy';

/** A reader's state for the cashier: offline wins; online with an action in progress is busy. */
export function tillReaderState(reader: {
  status: string | null;
  action: { status: string } | null;
}): TillReaderState {
  if (reader.status !== 'online') return 'offline';
  return reader.action?.status === 'in_progress' ? 'busy' : 'online';
}

const locationOf = (reader: Stripe.Terminal.Reader) =>
  typeof reader.location === 'string' ? reader.location : (reader.location?.id ?? null);

export function createReaderPickerHandlers(options: {
  settings: StripeSettingsStore;
  tender: CardTender;
  audit: AuditService;
}): PartialHandlerImpls {
  const { settings, tender, audit } = options;
  const setupOrRefuse = () => {
    const setup = settings.read();
    if (!setup)
      throw new TillpointError('conflict', 'Stripe is not set up on this till.', { reason: 'no_key' });
    return setup;
  };
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TillpointError) throw error;
      const trouble = describeStripeError(error);
      if (trouble.kind === 'network')
        throw new TillpointError('unavailable', 'Stripe could not be reached: check the network.');
      throw new TillpointError('bad_input', trouble.message, { stripeCode: trouble.code });
    }
  };
  const view = (reader: Stripe.Terminal.Reader, chosenId: string | null) => ({
    id: reader.id,
    label: reader.label || reader.serial_number,
    state: tillReaderState({
      status: reader.status ?? null,
      action: (reader.action as { status: string } | null) ?? null,
    }),
    chosen: reader.id === chosenId,
  });

  return {
    'stripe.tillReaders': async () => {
      const setup = settings.read();
      if (!setup) return { readers: [] };
      const stripe = tender.client(setup.secretKey);
      const listed = await call(() =>
        stripe.terminal.readers.list({
          limit: 100,
          ...(setup.locationId ? { location: setup.locationId } : {}),
        }),
      );
      return { readers: listed.data.map((reader) => view(reader, setup.readerId)) };
    },
    'stripe.pickReader': async (input, ctx) => {
      const setup = setupOrRefuse();
      const stripe = tender.client(setup.secretKey);
      const found = await call(() => stripe.terminal.readers.retrieve(input.readerId));
      if ('deleted' in found && found.deleted) {
        throw new TillpointError('not_found', `No reader ${input.readerId}.`);
      }
      const reader = found as Stripe.Terminal.Reader;
      if (setup.locationId && locationOf(reader) !== setup.locationId) {
        throw new TillpointError('bad_input', 'That reader belongs to another location than this till’s.', {
          reason: 'other_location',
        });
      }
      if (setup.readerId !== reader.id) {
        settings.saveReader(reader.id);
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'stripe.reader_chosen',
          ref: reader.id,
          details: { at: 'checkout' },
        });
      }
      return { reader: view(reader, reader.id) };
    },
  };
}
