import { requireActingMunicipality, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import type { TransactionalOutbox } from '@tilbudsnet/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAccess } from '../audit/audit-log';
import type { AuditAction } from '../audit/audit-record.entity';
import type { PlacementDecision, PlacementState } from './domain/placement';
import { PlacementRecord } from './placement.entity';

/** Months from start to the first review of a placement (`PLACEMENT_REVIEW_MONTHS`, default 6). */
export const reviewMonths = () => Number(process.env.PLACEMENT_REVIEW_MONTHS ?? 6);
/** How long a request waits for offers' answer (`PLACEMENT_REQUEST_TIMEOUT_MS`, default 15 minutes). */
export const requestTimeoutMs = () => Number(process.env.PLACEMENT_REQUEST_TIMEOUT_MS ?? 15 * 60_000);

export type PlacementView = Omit<PlacementState, 'version'>;

export function viewOf(p: PlacementState): PlacementView {
  const { version: _v, ...view } = p;
  return view;
}

/** The published rates of the offer's tariff for the year of `date`, as visitation's catalogue has them; null when none is known. */
export async function ratesInForce(manager: EntityManager, offerId: string, date: string): Promise<Record<string, string> | null> {
  const [row] = await manager.query('SELECT rates FROM catalogue_tariffs WHERE offer_id = $1 AND year = $2', [offerId, Number(date.slice(0, 4))]);
  return row?.rates ?? null;
}

/** A placement of the caller's own municipality (404 when there is none, 403 when it is another's). */
export async function loadPlacement(manager: EntityManager, id: string, principal: Principal, lock = false): Promise<PlacementRecord> {
  const p = await manager.findOne(PlacementRecord, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!p) throw new RuleViolation('id', 'placement-exists', `no placement with id ${id}`, 404);
  requireActingMunicipality(principal, p.actingMunicipality, 'id', 'a placement belongs to its acting municipality');
  return p;
}

/**
 * Writes a placement's state: a decision that began at version 0 made it (insert), any other
 * changed a row read and locked in the same transaction (update). TypeORM's `save` would first
 * read the row again to tell the two apart: a round trip per saga step.
 */
export async function storePlacement(manager: EntityManager, decision: PlacementDecision): Promise<void> {
  const { state, events } = decision;
  if (state.version === events.length) await manager.insert(PlacementRecord, state);
  else await manager.update(PlacementRecord, { id: state.id }, state);
}

/** Saves a decision's state and its events in the caller's transaction. */
export async function savePlacement(manager: EntityManager, outbox: TransactionalOutbox, decision: PlacementDecision, cause: EventCause): Promise<PlacementView> {
  await storePlacement(manager, decision);
  await outbox.append(manager, decision.events.map((e) => createEvent('visitation', e, cause)));
  return viewOf(decision.state);
}

/**
 * The shape of every command on a placement: lock it, check the municipality, audit the access
 * with its purpose, decide, save state and events in one transaction.
 */
export function commandOnPlacement(
  dataSource: DataSource, outbox: TransactionalOutbox, id: string, principal: Principal, purpose: string, action: AuditAction, cause: EventCause,
  decide: (p: PlacementRecord, manager: EntityManager) => PlacementDecision | Promise<PlacementDecision>,
): Promise<PlacementView> {
  return dataSource.transaction(async (manager) => {
    const p = await loadPlacement(manager, id, principal, true);
    await recordAccess(manager, principal, { caseId: p.caseId, municipality: p.actingMunicipality, action, purpose });
    return savePlacement(manager, outbox, await decide(p, manager), cause);
  });
}
