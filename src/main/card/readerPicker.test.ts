/**
 * The checkout's reader picker against the simulator, through the core: the readers of this till's
 * location with online / offline / busy, the choice remembered (and what the card tender uses), a
 * reader of another location refused; and the state rule as a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { createCore, type Core } from '../core';
import { expectApiError } from '../orders/salesTestKit';
import { tillReaderState } from './readerPicker';
import { testPinHashParams } from '../staff';

let kit: SimKit;
let dir: string;
let core: Core;
let owner: string;

const address = { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' };

describe('the reader picker at the checkout', () => {
  beforeEach(async () => {
    kit = await openSimKit();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-readers-'));
    core = await createCore({
      pinHashParams: testPinHashParams,
      dataDir: dir,
      card: { stripeApi: kit.sim.clientOptions, env: {}, pollMs: 5 },
    });
    owner = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' })).session;
    await core.call('stripe.setKey', { secretKey: testKey }, owner);
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await kit.close();
  });

  it('lists the location’s readers with their state, remembers the pick, refuses another location’s', async () => {
    expect((await core.call('stripe.tillReaders', {}, owner)).readers).toEqual([]);
    const other = await core.call('stripe.createLocation', { displayName: 'Other shop', address }, owner);
    const elsewhere = await core.call(
      'stripe.registerReader',
      { registrationCode: 'simulated-wpe', label: 'Elsewhere' },
      owner,
    );
    await core.call('stripe.createLocation', { displayName: 'Corner Café', address }, owner);
    const front = await core.call(
      'stripe.registerReader',
      { registrationCode: 'simulated-wpe', label: 'Front' },
      owner,
    );
    const back = await core.call(
      'stripe.registerReader',
      { registrationCode: 'simulated-wpe', label: 'Back' },
      owner,
    );
    expect(other.location.id).not.toBe(front.reader.locationId);

    const listed = async () => (await core.call('stripe.tillReaders', {}, owner)).readers;
    expect(await listed()).toEqual(
      expect.arrayContaining([
        { id: front.reader.id, label: 'Front', state: 'online', chosen: false },
        { id: back.reader.id, label: 'Back', state: 'online', chosen: true },
      ]),
    );
    expect((await listed()).map((r) => r.id)).not.toContain(elsewhere.reader.id);

    // Back goes offline; Front is busy with a payment another till started on it.
    kit.sim.readers.setStatus(back.reader.id, 'offline');
    const pi = await kit.stripe.paymentIntents.create({
      amount: 500,
      currency: 'usd',
      allowed_payment_method_types: ['card_present'],
      capture_method: 'manual',
    });
    await kit.stripe.terminal.readers.processPaymentIntent(front.reader.id, { payment_intent: pi.id });
    const states = Object.fromEntries((await listed()).map((r) => [r.label, r.state]));
    expect(states).toEqual({ Front: 'busy', Back: 'offline' });

    const picked = await core.call('stripe.pickReader', { readerId: front.reader.id }, owner);
    expect(picked.reader).toMatchObject({ id: front.reader.id, chosen: true, state: 'busy' });
    expect((await core.call('stripe.status', {}, owner)).readerId).toBe(front.reader.id);
    expect((await listed()).find((r) => r.chosen)?.id).toBe(front.reader.id);
    const audit = await core.call('audit.list', { action: 'stripe.reader_chosen' }, owner);
    expect(audit.entries.map((e) => e.ref)).toContain(front.reader.id);

    await expectApiError(
      core.call('stripe.pickReader', { readerId: elsewhere.reader.id }, owner),
      'bad_input',
    );
    await expectApiError(core.call('stripe.pickReader', { readerId: 'tmr_nothere123' }, owner), 'bad_input');
    await expectApiError(core.call('stripe.pickReader', { readerId: 'not a reader' }, owner), 'bad_input');
    expect((await core.call('stripe.status', {}, owner)).readerId).toBe(front.reader.id);
  });
});

describe('a reader’s state for the cashier', () => {
  it.each([
    [{ status: 'online', action: null }, 'online'],
    [{ status: 'online', action: { status: 'succeeded' } }, 'online'],
    [{ status: 'online', action: { status: 'failed' } }, 'online'],
    [{ status: 'online', action: { status: 'in_progress' } }, 'busy'],
    [{ status: 'offline', action: { status: 'in_progress' } }, 'offline'],
    [{ status: 'offline', action: null }, 'offline'],
    [{ status: null, action: null }, 'offline'],
  ] as const)('state of %j is %s', (reader, state) => {
    expect(tillReaderState(reader)).toBe(state);
  });
});
