import { Injectable } from '@nestjs/common';
import { managesOperator, organisationLabel, servesRegion, type Principal } from '@tilbudsnet/auth';
import { RuleViolation, TARGET_GROUP_IDS, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { completeMonthsBefore } from '../supply/domain/supply-rules';
import { RunningSupplyRules } from '../supply/running-supply-rules';
import { offerRow, placementsByMunicipality } from '../read-models/read-model-queries';
import type { ProtectOfferRequest } from './protect-offer.request';

export interface ProtectedOfferView {
  offerId: string;
  offerName: string;
  operator: string;
  targetGroup: string;
  regionCode: string;
  decidedOn: string;
  agreementReference: string;
  approved: number;
  occupied: number;
  /** Agreed placements per municipality beside the placements it keeps now. */
  shares: { municipality: string; agreed: number; actual: number }[];
  /** Occupancy at the end of each of the last 12 complete months (null where nothing is known). */
  trend: { month: string; occupied: number | null; approved: number | null }[];
}

/**
 * Use cases: the KKR secretariat flags an offer of its region as protected for a target group
 * (styrket samarbejde), with the decision's date, the agreement's reference and the placements
 * municipalities agreed to keep; the monitor lists them with their occupancy trend.
 */
@Injectable()
export class ProtectingOffers {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox, private readonly rules: RunningSupplyRules) {}

  protect(principal: Principal, offerId: string, targetGroup: string, request: ProtectOfferRequest, cause: EventCause): Promise<ProtectedOfferView> {
    if (!(TARGET_GROUP_IDS as readonly string[]).includes(targetGroup)) throw new RuleViolation('targetGroup', 'known-target-group', `unknown target group ${targetGroup}`, 400);
    return this.outbox.run(async (manager) => {
      const offer = await offerRow(manager, offerId);
      if (!offer) throw new RuleViolation('offerId', 'offer-known-to-supply', `no offer ${offerId} known to notifications`, 404);
      if (!servesRegion(principal, offer.region_code)) throw new RuleViolation('offerId', 'own-region-only', "only the secretariat of the offer's region protects it", 403);
      if (!offer.target_groups.includes(targetGroup)) throw new RuleViolation('targetGroup', 'offer-serves-target-group', `the offer does not serve ${targetGroup}`, 422);
      const shares = Object.fromEntries((request.agreedShares ?? []).map((s) => [s.municipality, s.placements]));
      await manager.query(
        `INSERT INTO protected_offers (offer_id, target_group, region_code, decided_on, agreement_reference, agreed_shares, flagged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (offer_id, target_group) DO UPDATE SET decided_on = $4, agreement_reference = $5, agreed_shares = $6, flagged_by = $7, flagged_at = now()`,
        [offerId, targetGroup, offer.region_code, request.decidedOn, request.agreementReference, JSON.stringify(shares), organisationLabel(principal.organisation)]);
      // The agreement is checked at once: a municipality already below its share is warned about now.
      await this.rules.evaluateProtectedShares(manager, { offerId }, new Date(), cause);
      const [view] = await this.views(manager, { offerId, targetGroup });
      return { result: view, events: [] };
    });
  }

  async unprotect(principal: Principal, offerId: string, targetGroup: string): Promise<void> {
    const offer = await offerRow(this.dataSource.manager, offerId);
    if (!offer) throw new RuleViolation('offerId', 'offer-known-to-supply', `no offer ${offerId} known to notifications`, 404);
    if (!servesRegion(principal, offer.region_code)) throw new RuleViolation('offerId', 'own-region-only', "only the secretariat of the offer's region changes its protection", 403);
    const [, deleted]: [unknown[], number] = await this.dataSource.query('DELETE FROM protected_offers WHERE offer_id = $1 AND target_group = $2', [offerId, targetGroup]);
    if (!deleted) throw new RuleViolation('targetGroup', 'protected-offer-exists', 'the offer is not protected for this target group', 404);
  }

  /** The secretariat sees its region's protected offers; an operator sees its own offers' protection. */
  async list(principal: Principal): Promise<ProtectedOfferView[]> {
    const o = principal.organisation;
    if (principal.role === 'kkr-secretariat' && o.kind === 'region') return this.views(this.dataSource.manager, { regionCode: o.code });
    if (principal.role === 'offer-manager' && o.kind === 'operator') {
      const all = await this.views(this.dataSource.manager, {});
      return all.filter((v) => { const [kind, id] = v.operator.split(':'); return managesOperator(principal, { kind, id }); });
    }
    throw new RuleViolation('organisation', 'secretariat-or-operator', 'protected offers are read by the secretariats and the offers\' operators', 403);
  }

  private async views(manager: DataSource['manager'], where: { regionCode?: string; offerId?: string; targetGroup?: string }): Promise<ProtectedOfferView[]> {
    const rows: { offer_id: string; target_group: string; region_code: string; decided_on: string; agreement_reference: string; agreed_shares: Record<string, number>; name: string; operator: string; approved: number; occupied: number }[] =
      await manager.query(
        `SELECT p.offer_id, p.target_group, p.region_code, to_char(p.decided_on, 'YYYY-MM-DD') AS decided_on, p.agreement_reference, p.agreed_shares,
           o.name, o.operator, o.approved, o.occupied
         FROM protected_offers p JOIN n_offers o ON o.offer_id = p.offer_id
         WHERE ($1::text IS NULL OR p.region_code = $1) AND ($2::uuid IS NULL OR p.offer_id = $2) AND ($3::text IS NULL OR p.target_group = $3)
         ORDER BY o.name, p.target_group`, [where.regionCode ?? null, where.offerId ?? null, where.targetGroup ?? null]);
    const months = completeMonthsBefore(new Date(), 12);
    const views: ProtectedOfferView[] = [];
    for (const r of rows) {
      const ends: { month: string; occupied: number; approved: number }[] = await manager.query(
        `SELECT DISTINCT ON (m.month) m.month, h.occupied, h.approved FROM unnest($2::text[]) AS m(month)
         JOIN n_capacity_history h ON h.offer_id = $1 AND h.at < (to_date(m.month, 'YYYY-MM') + interval '1 month')
         ORDER BY m.month, h.at DESC`, [r.offer_id, months]);
      const placed = await placementsByMunicipality(manager, r.offer_id, r.target_group);
      views.push({
        offerId: r.offer_id, offerName: r.name, operator: r.operator, targetGroup: r.target_group, regionCode: r.region_code, decidedOn: r.decided_on,
        agreementReference: r.agreement_reference, approved: r.approved, occupied: r.occupied,
        shares: Object.entries(r.agreed_shares).map(([municipality, agreed]) => ({ municipality, agreed, actual: placed[municipality] ?? 0 })),
        trend: months.map((month) => { const e = ends.find((x) => x.month === month); return { month, occupied: e?.occupied ?? null, approved: e?.approved ?? null }; }),
      });
    }
    return views;
  }
}
