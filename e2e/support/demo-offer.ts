/** A valid POST /offers body; override what a test cares about. */
export function offerRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Bostedet Egebakken',
    operator: { kind: 'municipality', id: '0751', name: 'Aarhus Kommune' },
    address: { street: 'Egebakken 12', postalCode: '8210', city: 'Aarhus V' },
    municipalityCode: '0751',
    location: { lat: 56.1629, lon: 10.1644 },
    paragraphs: [{ paragraph: '108', approvedPlaces: 12 }],
    targetGroups: ['autism'],
    specialisationLevel: 'highly-specialised',
    frameworkAgreement: true,
    budgetedOccupancyPct: 95,
    ...overrides,
  };
}
