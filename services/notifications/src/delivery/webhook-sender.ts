import { Injectable } from '@nestjs/common';
import { outboundPolicyFromEnv, postOutbound } from '@tilbudsnet/platform';
import { SIGNATURE_HEADER, signPayload } from './domain/webhook-signature';

export interface WebhookAttempt {
  ok: boolean;
  /** The HTTP status of a delivered attempt; nothing of a failed one (the log is no port scanner). */
  status: number | null;
  /** `refused: <rule>` or `failed`, never the target's own words. */
  error: string | null;
}

/**
 * POSTs a signed body through the guarded outbound client: https to a public address only (checked
 * again now, since DNS can change), no redirects, a short timeout. Any 2xx is delivered.
 */
@Injectable()
export class WebhookSender {
  async post(url: string, secret: string, deliveryId: string, body: string, now = Date.now()): Promise<WebhookAttempt> {
    const answer = await postOutbound(url, {
      'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(secret, Math.floor(now / 1000), body), 'x-tilbudsnet-delivery': deliveryId,
    }, body, outboundPolicyFromEnv(), Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000));
    if (answer.outcome === 'delivered') return { ok: true, status: answer.status, error: null };
    return { ok: false, status: null, error: answer.outcome === 'refused' ? `refused: ${answer.rule}` : 'failed' };
  }
}
