import { SUPPLY_EXPORT_HEADER, supplyExportRows } from './supply-export';
import type { SupplyRow } from './supply-figures';

const row: SupplyRow = {
  regionCode: '1082', targetGroup: 'deafblindness', paragraph: '107', nationalCoordination: true, approved: 5, occupied: 4, reserved: 0, vacant: 1,
  waiting: 2, medianWaitDays: null, closuresAnnounced: 0, placesClosingOrReduced: 0, openEarlyWarnings: 1, crossBorderPlacements: 3,
};

describe('the supply monitor export', () => {
  it('puts the name beside each code, in Danish', () => {
    const [cells] = supplyExportRows([row]);
    const at = (label: string) => cells[SUPPLY_EXPORT_HEADER.indexOf(label)];
    expect([at('Regionskode'), at('Region'), at('Målgruppe (kode)'), at('Målgruppe'), at('Paragraf')]).toEqual(['1082', 'Region Midtjylland', 'deafblindness', 'Døvblindhed', 'SEL § 107']);
  });

  it('says yes and no in Danish and keeps figures as numbers (an empty median stays empty)', () => {
    const [cells] = supplyExportRows([row]);
    const at = (label: string) => cells[SUPPLY_EXPORT_HEADER.indexOf(label)];
    expect([at('National koordination'), at('Godkendte pladser'), at('Ledige pladser'), at('Median ventetid (dage)')]).toEqual(['ja', 5, 1, null]);
    expect(cells).toHaveLength(SUPPLY_EXPORT_HEADER.length);
  });
});
