import { regionOfMunicipality } from '@tilbudsnet/contracts';
import { seededRandom } from '@tilbudsnet/platform';
import { birthDateOfCpr, isValidCpr } from '../cases/domain/cpr';
import { demoCpr, demoGoalPlan, demoPlacementPlan, type OfferToFill } from './demo-placements';

/** Deterministic draws, so a failure can be replayed. */
const draws = seededRandom;

const offers: OfferToFill[] = Array.from({ length: 200 }, (_, i) => ({
  offerId: `offer-${i}`, regionCode: ['1081', '1082', '1083', '1084', '1085'][i % 5], status: i % 25 === 0 ? 'closure-announced' : 'active',
  paragraphs: i % 3 === 0 ? [{ paragraph: '107', approvedPlaces: 8 }, { paragraph: '108', approvedPlaces: 4 }] : [{ paragraph: i % 2 ? '104' : '66', approvedPlaces: 5 + (i % 20) }],
  targetGroups: ['autism', 'intellectual-disability'],
}));
const TODAY = '2026-12-07';
const plan = demoPlacementPlan(offers, TODAY, draws(1));

describe('the demo placements', () => {
  it('fill every admitting offer to between 60 and 100 % of each paragraph\'s places, and never one that is closing', () => {
    for (const offer of offers) {
      for (const { paragraph, approvedPlaces } of offer.paragraphs) {
        const placed = plan.placements.filter((p) => p.offerId === offer.offerId && p.paragraph === paragraph).length;
        if (offer.status !== 'active') expect(placed).toBe(0);
        else expect([offer.offerId, placed >= Math.round(approvedPlaces * 0.6) && placed <= approvedPlaces]).toEqual([offer.offerId, true]);
      }
    }
  });

  it('puts citizens on waiting lists only for offers that are full', () => {
    expect(plan.waiting.length).toBeGreaterThan(0);
    for (const w of plan.waiting) {
      const offer = offers.find((o) => o.offerId === w.offerId)!;
      const places = offer.paragraphs.find((p) => p.paragraph === w.paragraph)!.approvedPlaces;
      expect(plan.placements.filter((p) => p.offerId === w.offerId && p.paragraph === w.paragraph)).toHaveLength(places);
      expect(w.startDate > TODAY).toBe(true);
    }
  });

  it('begins stays in the past: up to three years for homes, up to one for day offers', () => {
    for (const p of plan.placements) {
      expect(p.startDate < TODAY).toBe(true);
      expect(p.startDate >= (['66', '67', '107', '108'].includes(p.paragraph) ? '2023-11-01' : '2025-11-01')).toBe(true);
    }
  });

  it('gives every citizen a valid CPR number with a birth date that fits the offer (children in children\'s homes)', () => {
    for (const p of [...plan.placements, ...plan.waiting]) {
      expect([p.citizen.cpr, isValidCpr(p.citizen.cpr)]).toEqual([p.citizen.cpr, true]);
      const age = (Date.parse(`${TODAY}T00:00:00Z`) - birthDateOfCpr(p.citizen.cpr)!.getTime()) / (365.25 * 86_400_000);
      if (p.paragraph === '66') expect(age).toBeLessThan(18);
      else expect(age).toBeGreaterThanOrEqual(18);
    }
    expect(demoCpr('2009-03-05', 17)).toBe('0503094017');
  });

  it('places citizens from the offer\'s region mostly, and from other regions too', () => {
    const fromOtherRegions = plan.placements.filter((p) => regionOfMunicipality(p.actingMunicipality) !== offers.find((o) => o.offerId === p.offerId)!.regionCode).length;
    expect(fromOtherRegions / plan.placements.length).toBeGreaterThan(0.1);
    expect(fromOtherRegions / plan.placements.length).toBeLessThan(0.5);
  });

  it('gives about half the placements in homes a goal, measured between the start and today on the scale, aimed after today', () => {
    const goals = demoGoalPlan(plan.placements, TODAY, draws(5));
    const homes = plan.placements.filter((p) => ['66', '67', '107', '108'].includes(p.paragraph));
    const withGoal = goals.filter(Boolean);
    expect(withGoal.length / homes.length).toBeGreaterThan(0.35);
    expect(withGoal.length / homes.length).toBeLessThan(0.65);
    plan.placements.forEach((p, i) => {
      const goal = goals[i];
      if (!goal) return;
      expect(['66', '67', '107', '108']).toContain(p.paragraph);
      expect(goal.targetDate > TODAY).toBe(true);
      for (const m of goal.measurements) {
        expect(m.measuredOn >= p.startDate && m.measuredOn <= TODAY).toBe(true);
        expect([-2, -1, 0, 1, 2]).toContain(m.level);
      }
    });
  });
});
