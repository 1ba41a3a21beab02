import { Injectable } from '@nestjs/common';
import { actsForMunicipality, managesOperator, operatorParts, type Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { recordAccess } from '../../audit/audit-log';
import { PURPOSE_HEADER } from '../../audit/purpose.decorator';
import { offerEffect, type OfferEffect } from '../domain/effect';
import { goalsWhere, operatorOfOffer, placementForGoals, type GoalView } from '../goal-store';

/** Queries: a placement's goals (its acting municipality, the offer's operator), an offer's goals (its operator), an offer's effect (everyone, aggregates only). */
@Injectable()
export class ReadingProgression {
  constructor(private readonly dataSource: DataSource) {}

  goalsOfPlacement(placementId: string, principal: Principal, purpose: string | undefined): Promise<{ items: GoalView[] }> {
    return this.dataSource.transaction(async (manager) => {
      const placement = await placementForGoals(manager, placementId);
      const acting = actsForMunicipality(principal, placement.acting_municipality);
      if (!acting && !managesOperator(principal, operatorParts(await operatorOfOffer(manager, placement.offer_id)))) {
        throw new RuleViolation('placementId', 'own-placement-only', "a placement's goals are read by its acting municipality and the offer's operator", 403);
      }
      if (acting) {
        // The acting municipality reads case work: it states why, as for every access to a case.
        if (!purpose?.trim() || purpose.length > 200) throw new RuleViolation(PURPOSE_HEADER, 'required', `header ${PURPOSE_HEADER} must state the purpose of the access (1-200 characters)`, 400);
        await recordAccess(manager, principal, { caseId: placement.case_id, municipality: placement.acting_municipality, action: 'read-goals', purpose: purpose.trim() });
      }
      return { items: await goalsWhere(manager, 'placement', placementId) };
    });
  }

  /** For the operator's measuring: the goals of every placement in its offer (areas, descriptions, levels; no citizen). */
  async goalsOfOffer(offerId: string, principal: Principal): Promise<{ items: (GoalView & { startDate: string })[] }> {
    const manager = this.dataSource.manager;
    if (!managesOperator(principal, operatorParts(await operatorOfOffer(manager, offerId)))) {
      throw new RuleViolation('offerId', 'own-operator-only', "an offer's goals are read by its operator", 403);
    }
    const starts = new Map<string, string>((await manager.query(`SELECT id, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM placements WHERE offer_id = $1`, [offerId]))
      .map((r: { id: string; start_date: string }) => [r.id, r.start_date]));
    return { items: (await goalsWhere(manager, 'offer', offerId)).map((g) => ({ ...g, startDate: starts.get(g.placementId) ?? '' })) };
  }

  async effectOf(offerId: string): Promise<OfferEffect & { offerId: string }> {
    await operatorOfOffer(this.dataSource.manager, offerId); // 404 for an offer the catalogue does not know
    const goals = await goalsWhere(this.dataSource.manager, 'offer', offerId);
    return { offerId, ...offerEffect(goals) };
  }
}
