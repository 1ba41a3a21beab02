import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { requireOwnOperator, type Principal } from '@tilbudsnet/auth';
import { IsCalendarDate, RuleViolation } from '@tilbudsnet/contracts';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { formatKroner, kroner } from '../domain/money';
import { isoDate } from '../read-statements/statement-view';


/** POST /placements/:placementId/special-measures: an individual add-on price per day. */
export class SpecialMeasureRequest {
  /** A short code for the measure, never a description of the citizen (it is billed and exported). */
  @ApiProperty({ example: 'ekstra-nattevagt' }) @Matches(/^[a-z0-9æøå-]{2,40}$/, { message: 'code must be 2-40 lowercase letters, digits or dashes' }) code: string;
  @ApiProperty({ example: '300.00' }) @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'perDay must be an amount in kroner as text, e.g. "300.00"' }) perDay: string;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate({ min: '2000-01-01' }) from: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) to?: string;
}

/** A stored special measure: `perDay` in øre as text, `description` holds the code. */
interface StoredMeasure { description: string; perDay: string; from: string; to: string | null }

export interface SpecialMeasureView { code: string; perDay: string; from: string; to: string | null }

/** A placement in an offer as its operator sees it for pricing: no citizen, only dates, municipalities and packages. */
export interface PricedPlacementView {
  placementId: string;
  payingMunicipality: string;
  actingMunicipality: string;
  startDate: string;
  endDate: string | null;
  packages: unknown[];
  specialMeasures: SpecialMeasureView[];
}

/** Kroner with two decimals, as every other amount of the API. */
function measureView(m: StoredMeasure): SpecialMeasureView {
  return { code: m.description, perDay: formatKroner(BigInt(m.perDay)), from: m.from, to: m.to };
}

/** Særforanstaltning: priced by the operator for one placement, billed on its own line. */
@Injectable()
export class PricingSpecialMeasure {
  constructor(private readonly dataSource: DataSource) {}

  async add(placementId: string, request: SpecialMeasureRequest, principal: Principal): Promise<{ placementId: string; specialMeasures: SpecialMeasureView[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT p.special_measures, o.operator FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id WHERE p.placement_id = $1 FOR UPDATE OF p`, [placementId]);
      if (!row) throw new RuleViolation('placementId', 'placement-known', `placement ${placementId} is not known to tariffs`, 404);
      requireOwnOperator(principal, row.operator, 'placementId', 'the operator of the offer prices its special measures');
      if (request.to && request.to < request.from) throw new RuleViolation('to', 'not-before-from', 'to must not be before from');
      const measure: StoredMeasure = { description: request.code, perDay: kroner(request.perDay).toString(), from: request.from, to: request.to ?? null };
      const measures: StoredMeasure[] = [...row.special_measures, measure];
      await manager.query('UPDATE tariff_placements SET special_measures = $2 WHERE placement_id = $1', [placementId, JSON.stringify(measures)]);
      return { placementId, specialMeasures: measures.map(measureView) };
    });
  }

  /** The placements of one offer with their packages and special measures, for the offer's operator (and operations). */
  async placementsOf(offerId: string, principal: Principal): Promise<{ items: PricedPlacementView[] }> {
    const [offer] = await this.dataSource.query('SELECT operator FROM tariff_offers WHERE offer_id = $1', [offerId]);
    if (!offer) throw new RuleViolation('offerId', 'offer-known', `offer ${offerId} is not known to tariffs`, 404);
    if (principal.role !== 'admin') requireOwnOperator(principal, offer.operator, 'offerId', 'the operator of the offer reads its placements');
    const rows = await this.dataSource.query(
      `SELECT placement_id, paying_municipality, acting_municipality, start_date, end_date, packages, special_measures
         FROM tariff_placements WHERE offer_id = $1 ORDER BY start_date, placement_id LIMIT 1000`, [offerId]);
    return {
      items: rows.map((r: { placement_id: string; paying_municipality: string; acting_municipality: string; start_date: Date | string; end_date: Date | string | null; packages: unknown[]; special_measures: StoredMeasure[] }) => ({
        placementId: r.placement_id, payingMunicipality: r.paying_municipality, actingMunicipality: r.acting_municipality,
        startDate: isoDate(r.start_date), endDate: r.end_date === null ? null : isoDate(r.end_date), packages: r.packages,
        specialMeasures: r.special_measures.map(measureView),
      })),
    };
  }
}
