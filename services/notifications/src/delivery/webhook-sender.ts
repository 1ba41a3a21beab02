import { Injectable } from '@nestjs/common';
import { SIGNATURE_HEADER, signPayload } from '../domain/webhook-signature';

export interface WebhookAttempt {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** POSTs a signed body; any 2xx is delivered, anything else (or no answer in 10 s) is a failure. */
@Injectable()
export class WebhookSender {
  async post(url: string, secret: string, deliveryId: string, body: string, now = Date.now()): Promise<WebhookAttempt> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(secret, Math.floor(now / 1000), body), 'x-tilbudsnet-delivery': deliveryId,
        },
        body,
        signal: AbortSignal.timeout(Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000)),
        redirect: 'manual',
      });
      await response.body?.cancel();
      return { ok: response.status >= 200 && response.status < 300, status: response.status, error: response.ok ? null : `answered ${response.status}` };
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message.slice(0, 300) };
    }
  }
}
