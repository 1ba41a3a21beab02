import { closureAnnounced, settlementIssued, tariffPublished, vacancyOpened } from '../../notices/domain/notice-texts';
import { recipientsOf, subscriptionMatches, type Subscription } from './subscription-match';

const offer = { offerId: '0e1d7c52-3a4b-4c1e-9d7f-3f2b1a6c8e11', name: 'Egebakken', regionCode: '1082', targetGroups: ['autism'], paragraphs: ['108'] };
const sub = (kind: Subscription['kind'], filter: Subscription['filter'] = {}, organisation = 'municipality:0101'): Subscription =>
  ({ kind, owner: 'user:officer-koebenhavn', organisation, filter });

describe('subscriptionMatches', () => {
  it('matches a vacancy by target group, paragraph and region, and not outside them', () => {
    const notice = vacancyOpened(offer, 2);
    expect(subscriptionMatches(sub('vacancy-opened', { targetGroups: ['autism'], paragraphs: ['108'], regions: ['1082'] }), notice)).toBe(true);
    expect(subscriptionMatches(sub('vacancy-opened', { targetGroups: ['deafblindness'] }), notice)).toBe(false);
    expect(subscriptionMatches(sub('vacancy-opened', { paragraphs: ['107'] }), notice)).toBe(false);
    expect(subscriptionMatches(sub('vacancy-opened', { regions: ['1084'] }), notice)).toBe(false);
    expect(subscriptionMatches(sub('tariff-published'), notice)).toBe(false);
  });

  it('sends a tariff rise only above the chosen percentage', () => {
    expect(subscriptionMatches(sub('tariff-published', { minIncreasePct: 5 }), tariffPublished(offer, 2027, '1500.00', 5.1))).toBe(true);
    expect(subscriptionMatches(sub('tariff-published', { minIncreasePct: 5 }), tariffPublished(offer, 2027, '1500.00', 5))).toBe(false);
    expect(subscriptionMatches(sub('tariff-published', { minIncreasePct: 5 }), tariffPublished(offer, 2027, '1500.00', null))).toBe(false);
    expect(subscriptionMatches(sub('tariff-published'), tariffPublished(offer, 2027, '1500.00', null))).toBe(true);
  });

  it('gives a statement only to the organisations it concerns', () => {
    const notice = settlementIssued({ month: '2026-11', payingMunicipality: '0147', operator: 'municipality:0751', total: '100.00', dueDate: '2027-01-01' });
    expect(subscriptionMatches(sub('settlement-issued', {}, 'municipality:0147'), notice)).toBe(true);
    expect(subscriptionMatches(sub('settlement-issued', {}, 'operator:municipality:0751'), notice)).toBe(true);
    expect(subscriptionMatches(sub('settlement-issued', {}, 'municipality:0101'), notice)).toBe(false);
  });
});

describe('recipientsOf', () => {
  it('always includes the mandatory recipients of a closure, once each, and adds matching subscribers', () => {
    const notice = closureAnnounced(offer, '2027-03-01', 2, ['0101', '0461', '0101']);
    const recipients = recipientsOf(notice, [
      { ...sub('closure-or-reduction', { regions: ['1082'] }, 'municipality:0265'), owner: 'user:officer-roskilde', email: 'r@example.dk' },
      { ...sub('closure-or-reduction', { regions: ['1084'] }, 'municipality:0851'), owner: 'user:officer-aalborg' },
      { ...sub('closure-or-reduction', {}, 'municipality:0101'), owner: 'municipality:0101' },
    ]);
    expect(recipients).toEqual([
      { key: 'municipality:0101', reason: 'mandatory' },
      { key: 'municipality:0461', reason: 'mandatory' },
      { key: 'region:1082', reason: 'mandatory' },
      { key: 'user:officer-roskilde', reason: 'subscription', email: 'r@example.dk' },
    ]);
  });
});
