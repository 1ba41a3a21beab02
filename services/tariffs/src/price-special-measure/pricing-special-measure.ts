import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { managesOperator, type Principal } from '@tilbudsnet/auth';
import { IsCalendarDate, RuleViolation } from '@tilbudsnet/contracts';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { kroner } from '../domain/money';


/** POST /placements/:placementId/special-measures: an individual add-on price per day. */
export class SpecialMeasureRequest {
  /** A short code for the measure, never a description of the citizen (it is billed and exported). */
  @ApiProperty({ example: 'ekstra-nattevagt' }) @Matches(/^[a-z0-9æøå-]{2,40}$/, { message: 'code must be 2-40 lowercase letters, digits or dashes' }) code: string;
  @ApiProperty({ example: '300.00' }) @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'perDay must be an amount in kroner as text, e.g. "300.00"' }) perDay: string;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate({ min: '2000-01-01' }) from: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) to?: string;
}

/** Særforanstaltning: priced by the operator for one placement, billed on its own line. */
@Injectable()
export class PricingSpecialMeasure {
  constructor(private readonly dataSource: DataSource) {}

  async add(placementId: string, request: SpecialMeasureRequest, principal: Principal): Promise<{ placementId: string; specialMeasures: unknown[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT p.special_measures, o.operator FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id WHERE p.placement_id = $1 FOR UPDATE OF p`, [placementId]);
      if (!row) throw new RuleViolation('placementId', 'placement-known', `placement ${placementId} is not known to tariffs`, 404);
      const [kind, id] = row.operator.split(':');
      if (!managesOperator(principal, { kind, id })) throw new RuleViolation('placementId', 'own-operator-only', 'the operator of the offer prices its special measures', 403);
      if (request.to && request.to < request.from) throw new RuleViolation('to', 'not-before-from', 'to must not be before from');
      const measure = { description: request.code, perDay: kroner(request.perDay).toString(), from: request.from, to: request.to ?? null };
      const measures = [...row.special_measures, measure];
      await manager.query('UPDATE tariff_placements SET special_measures = $2 WHERE placement_id = $1', [placementId, JSON.stringify(measures)]);
      return { placementId, specialMeasures: measures };
    });
  }
}
