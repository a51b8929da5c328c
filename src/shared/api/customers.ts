/**
 * The `customers.*` handlers and `orders.setCustomer`: customers with a name, phone, email, notes and
 * a customer code printed as a QR card; search by any of them; the customer an order is for; their
 * purchase history; merging duplicates; export and erasure on request (their ledger history stays,
 * under an id that names no one once the details are blanked).
 */
import { z } from 'zod';
import { defineHandler } from './define';
import { text, ulidText } from './bounds';

export const customerIdSchema = ulidText();

/** A customer code as printed on the card: "C-" and 8 characters of Crockford base32. */
export const customerCodeSchema = text({
  max: 10,
  pattern: /^C-[0-9A-HJKMNP-TV-Z]{8}$/,
  patternMessage: 'must be a customer code like "C-7K2M9Q4X"',
});

const nameText = text({ max: 120, min: 1, minMessage: 'a customer needs a name' });
const phoneText = text({
  max: 32,
  pattern: /^$|^\+?[0-9 ()./-]{3,31}$/,
  patternMessage: 'must be a phone number: digits, spaces, + ( ) . - /',
});
const emailText = text({
  max: 254,
  pattern: /^$|^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{1,63}$/,
  patternMessage: 'must be an e-mail address like name@example.com',
});
const notesText = text({ max: 2000 });

export const customerViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  notes: z.string(),
  mergedInto: z.string().nullable().describe('the customer this duplicate was merged into'),
  erased: z.boolean().describe('deleted on request: the details are blanked'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const customerResult = z.object({ customer: customerViewSchema });

export const customersHandlers = [
  defineHandler({
    name: 'customers.create',
    summary: 'Adds a customer; the core gives them a customer code for their QR card.',
    permission: 'sales.sell',
    input: z
      .object({
        name: nameText,
        phone: phoneText.optional(),
        email: emailText.optional(),
        notes: notesText.optional(),
      })
      .strict(),
    output: customerResult,
  }),
  defineHandler({
    name: 'customers.update',
    summary: 'Changes a customer’s name, phone, e-mail or notes (what is left out stays).',
    permission: 'sales.sell',
    input: z
      .object({
        customerId: customerIdSchema,
        name: nameText.optional(),
        phone: phoneText.optional(),
        email: emailText.optional(),
        notes: notesText.optional(),
      })
      .strict(),
    output: customerResult,
  }),
  defineHandler({
    name: 'customers.get',
    summary: 'One customer.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: customerResult,
  }),
  defineHandler({
    name: 'customers.search',
    summary:
      'Customers whose name, phone (digits), e-mail or code contain the query (a scanned card’s code finds ' +
      'its customer); empty: the newest. Merged and erased customers are left out.',
    permission: 'sales.sell',
    input: z
      .object({
        query: text({ max: 120 }),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({ customers: z.array(customerViewSchema) }),
  }),
  defineHandler({
    name: 'customers.card',
    summary: 'The customer’s card: their code and a scannable QR code of it as SVG.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: z.object({ code: z.string(), name: z.string(), qrSvg: z.string() }),
  }),
  defineHandler({
    name: 'customers.history',
    summary: 'The orders of a customer, newest first.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: z.object({
      orders: z.array(
        z.object({
          orderId: z.string(),
          number: z.number().int(),
          status: z.string(),
          currency: z.string(),
          totalMinor: z.string().nullable().describe('null while the order is open'),
          createdAt: z.string(),
        }),
      ),
    }),
  }),
  defineHandler({
    name: 'customers.merge',
    summary:
      'Merges a duplicate into the customer kept: their orders and coin balance move to the kept one, and ' +
      'the duplicate is marked merged (its code then finds the kept customer).',
    permission: 'reports.read',
    input: z.object({ keepId: customerIdSchema, duplicateId: customerIdSchema }).strict(),
    output: customerResult,
  }),
  defineHandler({
    name: 'customers.export',
    summary: 'Everything kept about a customer, as JSON (a request for their data).',
    permission: 'reports.read',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: z.object({ export: z.record(z.string(), z.unknown()) }),
  }),
  defineHandler({
    name: 'customers.erase',
    summary:
      'Deletes a customer on request: their name, phone, e-mail and notes are blanked; their orders and ledger ' +
      'history stay under the customer id, which then names no one.',
    permission: 'reports.read',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: customerResult,
  }),
  defineHandler({
    name: 'orders.setCustomer',
    summary: 'Sets (or with null clears) the customer an open order is for.',
    permission: 'sales.sell',
    input: z.object({ orderId: ulidText(), customerId: customerIdSchema.nullable() }).strict(),
    output: z.object({ orderId: z.string(), customer: customerViewSchema.nullable() }),
  }),
  defineHandler({
    name: 'customers.ofOrder',
    summary: 'The customer an order is for, or null.',
    permission: 'sales.sell',
    input: z.object({ orderId: ulidText() }).strict(),
    output: z.object({ customer: customerViewSchema.nullable() }),
  }),
] as const;
