import { foreignEventReason, validateEvent, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { IncomingMessage } from '../bus/message-bus';

/**
 * What every consumer does first with a message (the services' transport and the console's live
 * updates alike): parse it, validate it against the contract, and check that its type belongs on
 * the topic it came from and its producer owns that topic. The event, or why it is dead-lettered.
 */
export function readEvent(message: IncomingMessage): { ok: true; event: TilbudsnetEvent } | { ok: false; reason: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(message.value ?? '');
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${(error as Error).message}` };
  }
  const check = validateEvent(decoded);
  if (!check.ok) return check;
  const foreign = foreignEventReason(check.event, message.topic);
  return foreign ? { ok: false, reason: foreign } : check;
}
