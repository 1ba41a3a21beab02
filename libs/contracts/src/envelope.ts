import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsInt, IsObject, IsString, IsUUID, Min, MinLength } from 'class-validator';

/**
 * The one envelope every Kafka message carries (architecture.md, "Events").
 * `type` + `payload` form a tagged union; see `event-types.ts` for the payload of each type.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  /** UUID; consumers deduplicate on it. */
  eventId: string;
  type: TType;
  /** Schema version of this event type's payload. */
  version: number;
  occurredAt: string;
  /** The service that produced it, e.g. `offers`. */
  producer: string;
  aggregateId: string;
  /** Monotonic per aggregate, starting at 1. */
  aggregateVersion: number;
  /** Shared by everything that one user action set off. */
  correlationId: string;
  /** The event id (or request id) that directly caused this one. */
  causationId: string;
  payload: TPayload;
}

/** Runtime shape check of the envelope; the payload is checked per type in `validate-event.ts`. */
export class EnvelopeShape {
  @IsUUID() eventId: string;
  @IsString() @MinLength(1) type: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true, strictSeparator: true }) occurredAt: string;
  @IsString() @MinLength(1) producer: string;
  @IsString() @MinLength(1) aggregateId: string;
  @IsInt() @Min(1) aggregateVersion: number;
  @IsString() @MinLength(1) correlationId: string;
  @IsString() @MinLength(1) causationId: string;
  @IsDefined() @IsObject() payload: Record<string, unknown>;
}
