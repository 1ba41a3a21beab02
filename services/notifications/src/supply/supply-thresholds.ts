import type { EntityManager } from 'typeorm';
import { DEFAULT_THRESHOLDS, type SupplyThresholds } from './domain/supply-rules';

/** The region's thresholds: what its secretariat set, else the defaults (`SUPPLY_RULE_DEFAULTS` JSON overrides them). */
export async function thresholdsOf(manager: EntityManager, regionCode: string, env = process.env): Promise<SupplyThresholds> {
  const defaults = { ...DEFAULT_THRESHOLDS, ...(env.SUPPLY_RULE_DEFAULTS ? (JSON.parse(env.SUPPLY_RULE_DEFAULTS) as Partial<SupplyThresholds>) : {}) };
  const [row] = await manager.query('SELECT * FROM supply_thresholds WHERE region_code = $1', [regionCode]);
  return row
    ? { lowOccupancyMonths: row.low_occupancy_months, noVacancyDays: row.no_vacancy_days, closureMarginPlaces: row.closure_margin_places, forecastGapPlaces: row.forecast_gap_places }
    : defaults;
}

export async function saveThresholds(manager: EntityManager, regionCode: string, t: SupplyThresholds): Promise<void> {
  await manager.query(
    `INSERT INTO supply_thresholds (region_code, low_occupancy_months, no_vacancy_days, closure_margin_places, forecast_gap_places) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (region_code) DO UPDATE SET low_occupancy_months = $2, no_vacancy_days = $3, closure_margin_places = $4, forecast_gap_places = $5`,
    [regionCode, t.lowOccupancyMonths, t.noVacancyDays, t.closureMarginPlaces, t.forecastGapPlaces]);
}
