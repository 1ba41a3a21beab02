import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { compiledCheck } from './compiled-validation';
import { EnvelopeShape } from './envelope';
import { EVENT_DEFINITIONS, isEventType, topicOf, type TilbudsnetEvent } from './event-types';
import { topicOwner } from './topics';
import { describeValidationErrors, violationsToText } from './validation-errors';

export type EventValidation = { ok: true; event: TilbudsnetEvent } | { ok: false; reason: string };

const OPTIONS = { forbidUnknownValues: true, whitelist: false } as const;

/**
 * Checks a decoded message against the contract: envelope, known type, supported version,
 * payload rules. Used by producers before they write to the outbox and by consumers on receipt.
 */
export function validateEvent(raw: unknown): EventValidation {
  if (passesCompiledChecks(raw)) return { ok: true, event: raw as TilbudsnetEvent };
  return validateEventFully(raw); // refused, or beyond the compiled checks: the full path says why
}

const envelopeCheck = compiledCheck(EnvelopeShape);

/** The same rules as validateEventFully, compiled (compiled-validation.ts): yes only when that would say yes. */
function passesCompiledChecks(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !envelopeCheck(raw)) return false;
  const { type, version, payload } = raw as { type: string; version: unknown; payload: object };
  if (!isEventType(type) || version !== EVENT_DEFINITIONS[type].version) return false;
  return compiledCheck(EVENT_DEFINITIONS[type].payload)(payload);
}

/** validateEvent through class-transformer and class-validator, with the reasons of a refusal. */
export function validateEventFully(raw: unknown): EventValidation {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, reason: 'message is not a JSON object' };
  }
  const envelope = plainToInstance(EnvelopeShape, raw);
  const envelopeErrors = validateSync(envelope, OPTIONS);
  if (envelopeErrors.length) {
    return { ok: false, reason: `invalid envelope: ${violationsToText(describeValidationErrors(envelopeErrors))}` };
  }
  const { type, version } = raw as { type: string; version: number };
  if (!isEventType(type)) return { ok: false, reason: `unknown event type: ${type}` };
  const definition = EVENT_DEFINITIONS[type];
  if (version !== definition.version) {
    return { ok: false, reason: `unsupported version ${version} of ${type} (supported: ${definition.version})` };
  }
  const payloadClass: new () => object = definition.payload;
  const payload = plainToInstance(payloadClass, (raw as { payload: object }).payload);
  const payloadErrors = validateSync(payload, OPTIONS);
  if (payloadErrors.length) {
    return { ok: false, reason: `invalid ${type} payload: ${violationsToText(describeValidationErrors(payloadErrors, 'payload'))}` };
  }
  return { ok: true, event: raw as TilbudsnetEvent };
}

/**
 * Whether a valid event may stand on the topic it was read from: its type belongs on that topic and
 * its producer owns the topic. An event that fails this was written by someone else (a forgery, or
 * a bug): the reason, else null. Broker ACLs are what keeps others from writing at all.
 */
export function foreignEventReason(event: { type: string; producer: string }, topic: string): string | null {
  if (!isEventType(event.type) || topicOf(event.type) !== topic) return `foreign event: ${event.type} does not belong on ${topic}`;
  if (event.producer !== topicOwner(topic)) return `foreign event: ${event.type} from producer ${event.producer}, but ${topic} is ${topicOwner(topic)}'s`;
  return null;
}
