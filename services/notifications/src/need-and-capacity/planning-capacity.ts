import { Injectable } from '@nestjs/common';
import { requireActingMunicipality, requireOwnRegion, servesRegion, type Principal } from '@tilbudsnet/auth';
import { RuleViolation, regionOfMunicipality } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { renderCapacityReport } from './domain/capacity-report';
import type { DemandLine } from './need-and-capacity.requests';
import { capacityReportOf, needRows } from './need-store';

/**
 * Use cases of the kapacitets- og behovsopgørelse: a municipality reports its expected demand for a
 * year; the region's secretariat reads supply, reported and forecast need side by side, writes its
 * report's text and publishes it (the published document is kept as it was published).
 */
@Injectable()
export class PlanningCapacity {
  constructor(private readonly dataSource: DataSource) {}

  async reportDemand(municipality: string, year: number, items: DemandLine[], principal: Principal): Promise<{ municipality: string; year: number; items: DemandLine[] }> {
    requireActingMunicipality(principal, municipality, 'municipality', 'a municipality reports its own expected demand');
    const keys = items.map((i) => `${i.targetGroup}|${i.paragraph}`);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) throw new RuleViolation('items', 'unique-target-group-paragraph', `${twice.replace('|', ' § ')} is reported twice`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM demand_reports WHERE municipality_code = $1 AND year = $2', [municipality, year]);
      for (const i of items) {
        await manager.query('INSERT INTO demand_reports (municipality_code, year, target_group, paragraph, change, places, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [municipality, year, i.targetGroup, i.paragraph, i.change, i.places, principal.sub]);
      }
    });
    return this.demandOf(municipality, year, principal);
  }

  /** A municipality's report: for its own officers and its region's secretariat. */
  async demandOf(municipality: string, year: number, principal: Principal): Promise<{ municipality: string; year: number; items: DemandLine[] }> {
    const region = regionOfMunicipality(municipality) ?? '';
    if (!(principal.role === 'kkr-secretariat' && servesRegion(principal, region))) {
      requireActingMunicipality(principal, municipality, 'municipality', "a municipality's reported demand is read by it and its region's secretariat");
    }
    const rows: DemandLine[] = await this.dataSource.query(
      'SELECT target_group AS "targetGroup", paragraph, change, places FROM demand_reports WHERE municipality_code = $1 AND year = $2 ORDER BY target_group, paragraph', [municipality, year]);
    return { municipality, year, items: rows };
  }

  async need(region: string, year: number, principal: Principal, asOf = new Date()) {
    requireOwnRegion(principal, region, 'region', 'a secretariat follows its own region');
    return { region, year, asOf: asOf.toISOString(), items: await needRows(this.dataSource.manager, region, year, asOf) };
  }

  /** The report as HTML: the last published document (unless the draft is asked for), else the draft as it stands. */
  async reportHtml(region: string, year: number, principal: Principal, draft = false): Promise<string> {
    requireOwnRegion(principal, region, 'region', 'a secretariat reports on its own region');
    const [stored] = await this.dataSource.query('SELECT status, published_html FROM capacity_reports WHERE region_code = $1 AND year = $2', [region, year]);
    // A report edited after it was published is a draft again; the published document is still what was published.
    if (!draft && stored?.published_html) return stored.published_html;
    return renderCapacityReport(await capacityReportOf(this.dataSource.manager, region, year, new Date()));
  }

  async saveText(region: string, year: number, text: { introduction: string; conclusions: string }, principal: Principal): Promise<{ region: string; year: number; status: string }> {
    requireOwnRegion(principal, region, 'region', 'a secretariat writes its own region\'s report');
    // Editing a published report makes a new draft; the published document stays until published again.
    await this.dataSource.query(
      `INSERT INTO capacity_reports (region_code, year, introduction, conclusions, status) VALUES ($1, $2, $3, $4, 'draft')
       ON CONFLICT (region_code, year) DO UPDATE SET introduction = $3, conclusions = $4, status = 'draft'`, [region, year, text.introduction, text.conclusions]);
    return { region, year, status: 'draft' };
  }

  async publish(region: string, year: number, principal: Principal): Promise<{ region: string; year: number; status: string; publishedAt: string }> {
    requireOwnRegion(principal, region, 'region', 'a secretariat publishes its own region\'s report');
    const publishedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO capacity_reports (region_code, year) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [region, year]);
      await manager.query(`UPDATE capacity_reports SET status = 'published', published_at = $3 WHERE region_code = $1 AND year = $2`, [region, year, publishedAt]);
      const html = renderCapacityReport(await capacityReportOf(manager, region, year, publishedAt));
      await manager.query('UPDATE capacity_reports SET published_html = $3 WHERE region_code = $1 AND year = $2', [region, year, html]);
    });
    return { region, year, status: 'published', publishedAt: publishedAt.toISOString() };
  }
}
