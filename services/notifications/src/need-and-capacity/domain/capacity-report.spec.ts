import { renderCapacityReport, type CapacityReport } from './capacity-report';

const report: CapacityReport = {
  regionName: 'Region Midtjylland', year: 2027, introduction: 'Opgørelsen viser <behovet>.\n\nAnden del.', conclusions: 'Der mangler pladser til autisme.',
  rows: [{ targetGroup: 'autism', targetGroupName: 'Autisme', reported: 12, forecast: { monthlyInflow: 2, meanStayMonths: 18, stayBasis: 'current', placesNeeded: 40, placesAvailable: 34, gap: 6 } }],
  warnings: [{ raisedOn: '2027-03-02', subject: 'Venteliste uden ledig plads', description: '3 sager venter.' }],
  closures: [{ offerName: 'Bostedet Egebakken', effectiveDate: '2027-06-01', places: 8 }],
  status: 'draft', publishedAt: null,
};

describe('the capacity-and-need report', () => {
  const html = renderCapacityReport(report);

  it('is a Danish document with the figures per target group, the warnings and the closures', () => {
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Kapacitets- og behovsopgørelse 2027</h1>');
    expect(html).toContain('<th scope="row">Autisme</th><td>34</td><td>12</td><td>40</td><td>2</td><td>18*</td><td class="short">+6</td>');
    expect(html).toContain('02.03.2027: <strong>Venteliste uden ledig plads</strong>');
    expect(html).toContain('Bostedet Egebakken: 8 pladser fra 01.06.2027');
    expect(html).toContain('udkast');
  });

  it('links its stylesheet instead of an inline style (which the Content-Security-Policy would block)', () => {
    expect(html).toContain('<link rel="stylesheet" href="report.css">');
    expect(html).not.toMatch(/<style|style="/);
  });

  it('escapes what the secretariat typed and keeps its paragraphs', () => {
    expect(html).toContain('<p>Opgørelsen viser &lt;behovet&gt;.</p>\n<p>Anden del.</p>');
    expect(renderCapacityReport({ ...report, introduction: '<script>alert(1)</script>' })).not.toContain('<script>');
  });

  it('says when it was published', () => {
    expect(renderCapacityReport({ ...report, status: 'published', publishedAt: '2027-11-20T09:00:00Z' })).toContain('offentliggjort 20.11.2027');
  });
});
