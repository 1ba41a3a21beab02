/**
 * Demo users of the development identity provider: every role, officers in one municipality per
 * region, offer managers of a municipal, a regional and a private operator, a KKR secretariat per
 * region. Not for production: the provider that serves them runs only in development.
 */
export interface DemoUser {
  id: string;
  name: string;
  role: 'visitation-officer' | 'offer-manager' | 'kkr-secretariat' | 'auditor' | 'admin';
  municipality?: string;
  operator?: string;
  region?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'officer-koebenhavn', name: 'Mette Sagsbehandler (København)', role: 'visitation-officer', municipality: '0101' },
  { id: 'officer-frederiksberg', name: 'Ali Sagsbehandler (Frederiksberg)', role: 'visitation-officer', municipality: '0147' },
  { id: 'officer-roskilde', name: 'Jonas Sagsbehandler (Roskilde)', role: 'visitation-officer', municipality: '0265' },
  { id: 'officer-odense', name: 'Fatima Sagsbehandler (Odense)', role: 'visitation-officer', municipality: '0461' },
  { id: 'officer-aarhus', name: 'Lars Sagsbehandler (Aarhus)', role: 'visitation-officer', municipality: '0751' },
  { id: 'officer-aalborg', name: 'Sofie Sagsbehandler (Aalborg)', role: 'visitation-officer', municipality: '0851' },
  { id: 'manager-aarhus', name: 'Henrik Tilbudsleder (Aarhus Kommune)', role: 'offer-manager', operator: 'municipality:0751' },
  { id: 'manager-region-midt', name: 'Anne Tilbudsleder (Region Midtjylland)', role: 'offer-manager', operator: 'region:1082' },
  { id: 'manager-private', name: 'Peter Tilbudsleder (Solsikken Omsorg ApS)', role: 'offer-manager', operator: 'private:12345678' },
  { id: 'kkr-nordjylland', name: 'KKR-sekretariatet Nordjylland', role: 'kkr-secretariat', region: '1081' },
  { id: 'kkr-midtjylland', name: 'KKR-sekretariatet Midtjylland', role: 'kkr-secretariat', region: '1082' },
  { id: 'kkr-syddanmark', name: 'KKR-sekretariatet Syddanmark', role: 'kkr-secretariat', region: '1083' },
  { id: 'kkr-hovedstaden', name: 'KKR-sekretariatet Hovedstaden', role: 'kkr-secretariat', region: '1084' },
  { id: 'kkr-sjaelland', name: 'KKR-sekretariatet Sjælland', role: 'kkr-secretariat', region: '1085' },
  { id: 'auditor-koebenhavn', name: 'Karin Databeskyttelse (København)', role: 'auditor', municipality: '0101' },
  { id: 'admin', name: 'Drift (admin)', role: 'admin' },
];

export function findDemoUser(id: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.id === id);
}
