import { registerOffer } from '../offers/domain/offer';
import { demoSingleServiceRequests } from './demo-single-services';
import { randomUUID } from 'node:crypto';

describe('the demo single services', () => {
  it('are valid offers without places, every kind of single service among them, each flagged as demo data', () => {
    const requests = demoSingleServiceRequests();
    for (const r of requests) expect(registerOffer({ ...r, id: randomUUID(), demo: r.demo ?? false }, new Date()).state.units).toEqual(expect.objectContaining({ kind: r.units!.kind }));
    expect(new Set(requests.map((r) => r.units!.kind))).toEqual(new Set(['hours', 'sessions', 'course', 'assessment', 'team-visit']));
    expect(requests.every((r) => r.demo && r.paragraphs.every((p) => p.approvedPlaces === 0))).toBe(true);
  });
});
