import { Injectable } from '@nestjs/common';
import { safeSpreadsheetText } from '@tilbudsnet/platform';
import { TARGET_GROUPS } from '@tilbudsnet/contracts';
import { Workbook } from 'exceljs';
import { DataSource, type EntityManager } from 'typeorm';
import { SUPPLY_EXPORT_HEADER, supplyExportRows } from './domain/supply-export';
import { supplyRows, type OfferFacts, type PlacementFacts, type SupplyRow } from './domain/supply-figures';

const NATIONAL_COORDINATION = new Set(TARGET_GROUPS.filter((t) => t.nationalCoordination).map((t) => t.id));


/** What the monitor reads of a region ($1), one statement each; `npm run bench:supply` runs the same raw beside the API. */
export const SUPPLY_FIGURES_SQL = {
  offers: `SELECT offer_id AS "offerId", municipality_code AS "municipalityCode", region_code AS "regionCode", target_groups AS "targetGroups", paragraphs, status,
      to_char(closure_date, 'YYYY-MM-DD') AS "closureDate", adjustment
    FROM n_offers WHERE region_code = $1`,
  // Counted per offer, target group, paragraph, status and border (a region holds tens of thousands).
  placements: `SELECT p.offer_id AS "offerId", p.target_group AS "targetGroup", p.paragraph, p.status,
      coalesce(p.acting_municipality <> o.municipality_code, false) AS "crossBorder", count(*)::int AS count
    FROM n_placements p JOIN n_offers o ON o.offer_id = p.offer_id WHERE o.region_code = $1 AND p.status IN ('reserved', 'started')
    GROUP BY 1, 2, 3, 4, 5`,
  waiting: `SELECT target_group AS "targetGroup", paragraph, region_code AS "regionCode", added_at AS "addedAt"
    FROM n_waitlist WHERE region_code = $1 AND removed_at IS NULL AND added_at IS NOT NULL`,
  warnings: `SELECT region_code AS "regionCode", target_groups AS "targetGroups" FROM early_warnings WHERE region_code = $1 AND status <> 'resolved'`,
} as const;

/** Forsyningsforpligtelsen: the secretariat's figures per region × target group × paragraph, daily snapshots, exports. */
@Injectable()
export class MonitoringSupply {
  constructor(private readonly dataSource: DataSource) {}

  async figures(regionCode: string, asOf = new Date(), manager: EntityManager = this.dataSource.manager): Promise<SupplyRow[]> {
    const offers: OfferFacts[] = await manager.query(SUPPLY_FIGURES_SQL.offers, [regionCode]);
    const placements: PlacementFacts[] = await manager.query(SUPPLY_FIGURES_SQL.placements, [regionCode]);
    const waiting = await manager.query(SUPPLY_FIGURES_SQL.waiting, [regionCode]);
    const warnings = await manager.query(SUPPLY_FIGURES_SQL.warnings, [regionCode]);
    return supplyRows({ offers, placements, waiting, warnings, nationalCoordination: NATIONAL_COORDINATION }, asOf);
  }

  async csv(regionCode: string): Promise<string> {
    const rows = supplyExportRows(await this.figures(regionCode));
    const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : safeSpreadsheetText(v).replace(/[;\r\n]/g, ','));
    return [SUPPLY_EXPORT_HEADER.join(';'), ...rows.map((r) => r.map(cell).join(';'))].join('\n') + '\n';
  }

  async xlsx(regionCode: string): Promise<Buffer> {
    const rows = supplyExportRows(await this.figures(regionCode));
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(`Forsyning ${regionCode}`);
    sheet.addRow([...SUPPLY_EXPORT_HEADER]);
    for (const r of rows) sheet.addRow(r.map((v) => (typeof v === 'string' ? safeSpreadsheetText(v) : v)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Today's figures for every region, kept once per day for trends. Returns the rows written. */
  async takeSnapshot(day = new Date()): Promise<number> {
    const date = day.toISOString().slice(0, 10);
    return this.dataSource.transaction(async (manager) => {
      const regions: { region_code: string }[] = await manager.query('SELECT DISTINCT region_code FROM n_offers UNION SELECT DISTINCT region_code FROM n_waitlist WHERE region_code IS NOT NULL');
      let written = 0;
      for (const { region_code: region } of regions) {
        for (const row of await this.figures(region, day, manager)) {
          const { regionCode, targetGroup, paragraph, ...figures } = row;
          const inserted: unknown[] = await manager.query(
            `INSERT INTO supply_snapshots (day, region_code, target_group, paragraph, figures) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING day`,
            [date, regionCode, targetGroup, paragraph, JSON.stringify(figures)]);
          written += inserted.length;
        }
      }
      return written;
    });
  }

  async snapshots(regionCode: string, from: string, to: string, targetGroup?: string): Promise<{ day: string; targetGroup: string; paragraph: string; figures: unknown }[]> {
    const rows = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, target_group, paragraph, figures FROM supply_snapshots
       WHERE region_code = $1 AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR target_group = $4) ORDER BY day, target_group, paragraph`,
      [regionCode, from, to, targetGroup ?? null]);
    return rows.map((r: { day: string; target_group: string; paragraph: string; figures: unknown }) => ({ day: r.day, targetGroup: r.target_group, paragraph: r.paragraph, figures: r.figures }));
  }
}
