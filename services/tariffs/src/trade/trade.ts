import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatKroner, kroner, type Oere } from '../domain/money';
import type { StatementView } from '../read-statements/statement-view';

/** Use case: samhandel, for the KKR secretariat. */
@Injectable()
export class Trade {
  constructor(private readonly dataSource: DataSource) {}

  /** Samhandel per region and year: buyers (paying municipalities) × sellers (operators) of the region's offers. */
  async trade(regionCode: string, year: number): Promise<{ buyer: string; seller: string; placements: number; days: number; amount: string }[]> {
    const rows: { paying_municipality: string; operator: string; lines: StatementView['lines'] }[] = await this.dataSource.query(
      `SELECT s.paying_municipality, s.operator, s.lines FROM statements s WHERE s.month LIKE $1`, [`${year}-%`]);
    const offerRegion = new Map<string, string>(
      (await this.dataSource.query(`SELECT p.placement_id, o.region_code FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id`))
        .map((r: { placement_id: string; region_code: string }) => [r.placement_id, r.region_code]),
    );
    const cells = new Map<string, { buyer: string; seller: string; placements: Set<string>; days: number; amount: Oere }>();
    for (const row of rows) {
      for (const line of row.lines) {
        if (offerRegion.get(line.placementId) !== regionCode) continue;
        const key = `${row.paying_municipality}|${row.operator}`;
        const cell = cells.get(key) ?? { buyer: row.paying_municipality, seller: row.operator, placements: new Set<string>(), days: 0, amount: 0n };
        cell.placements.add(line.placementId);
        if (line.kind === 'stay') cell.days += line.days;
        cell.amount += kroner(line.amount);
        cells.set(key, cell);
      }
    }
    return [...cells.values()].map((c) => ({ buyer: c.buyer, seller: c.seller, placements: c.placements.size, days: c.days, amount: formatKroner(c.amount) }));
  }
}
