/**
 * `POST /webhooks/paystack`: where Paystack posts its events. It needs no host token and no staff
 * session (Paystack has neither); what proves it is Paystack is `x-paystack-signature`, the
 * HMAC-SHA512 of the raw body with the secret key, checked by the core (`paystack.webhook`) on the
 * exact bytes received, so the body is taken raw, never parsed here, and bounded
 * (`paystackWebhookMaxBytes`). Answers: 200 when taken (applied, a duplicate, or not ours), 401 for
 * a wrong signature, 400 for a body that is not an event, 503 when the till cannot apply it now
 * (Paystack sends it again).
 */
import { type FastifyInstance } from 'fastify';
import { httpStatusOf } from '../../shared/api';
import { paystackWebhookMaxBytes } from '../../shared/api/paystack';
import { type Core } from '../core';

export const paystackWebhookPath = '/webhooks/paystack';

export function registerPaystackWebhook(app: FastifyInstance, core: Core): void {
  app.register(async (scope) => {
    // The raw bytes, whatever the content type says: the signature is over them.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(paystackWebhookPath, { bodyLimit: paystackWebhookMaxBytes }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-paystack-signature'];
      const result = await core.invoke(
        'paystack.webhook',
        {
          rawBody: raw.toString('utf8'),
          signature: typeof signature === 'string' ? signature.slice(0, 200) : '',
        },
        null,
      );
      if (!result.ok) {
        return reply.code(httpStatusOf[result.error.code]).send({ error: result.error });
      }
      return reply.code(200).send({ data: result.data });
    });
  });
}
