import { closuresExceedCapacity, completeMonthsBefore, lowOccupancy, waitlistWithoutVacancy } from './supply-rules';

describe('low occupancy', () => {
  const months = completeMonthsBefore(new Date('2026-11-05T00:00:00Z'), 3);

  it('takes the complete months before the evaluation date', () => {
    expect(months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(completeMonthsBefore(new Date('2026-02-01T00:00:00Z'), 2)).toEqual(['2025-12', '2026-01']);
  });

  it('fires when every one of the months ended below the budgeted percentage', () => {
    const ends = months.map((month) => ({ month, occupied: 8, approved: 10 }));
    expect(lowOccupancy(ends, 85, months)).toMatchObject({ fires: true, figures: { monthsBelow: 3, 'occupancyPct:2026-10': 80 } });
  });

  it('does not fire at exactly the budgeted percentage, with two months below, or without data for a month', () => {
    expect(lowOccupancy(months.map((month) => ({ month, occupied: 17, approved: 20 })), 85, months).fires).toBe(false);
    const twoBelow = [{ month: months[0], occupied: 9, approved: 10 }, { month: months[1], occupied: 8, approved: 10 }, { month: months[2], occupied: 8, approved: 10 }];
    expect(lowOccupancy(twoBelow, 85, months)).toMatchObject({ fires: false, figures: { monthsBelow: 2 } });
    expect(lowOccupancy(twoBelow.slice(1), 95, months).fires).toBe(false);
  });
});

describe('waiting list without vacancy', () => {
  const asOf = new Date('2026-11-30T12:00:00Z');
  it('counts from the later of no vacancy and the oldest waiting entry', () => {
    const fired = waitlistWithoutVacancy({ zeroVacancySince: new Date('2026-10-01T12:00:00Z'), oldestWaitingSince: new Date('2026-10-31T12:00:00Z'), waiting: 2 }, asOf, 30);
    expect(fired).toMatchObject({ fires: true, figures: { daysWithoutVacancy: 30, waiting: 2 } });
    const justBelow = waitlistWithoutVacancy({ zeroVacancySince: new Date('2026-10-01T12:00:00Z'), oldestWaitingSince: new Date('2026-10-31T12:00:01Z'), waiting: 2 }, asOf, 30);
    expect(justBelow).toMatchObject({ fires: false, figures: { daysWithoutVacancy: 29 } });
  });

  it('does not fire while there is a vacancy or nobody waits', () => {
    expect(waitlistWithoutVacancy({ zeroVacancySince: null, oldestWaitingSince: new Date('2026-01-01'), waiting: 1 }, asOf, 30).fires).toBe(false);
    expect(waitlistWithoutVacancy({ zeroVacancySince: new Date('2026-01-01'), oldestWaitingSince: null, waiting: 0 }, asOf, 30).fires).toBe(false);
  });
});

describe('closures exceeding capacity', () => {
  it('fires when capacity after the announced closures is below occupancy plus waiting list', () => {
    expect(closuresExceedCapacity({ approved: 20, announcedReduction: 8, occupied: 10, waiting: 3 }, 0)).toMatchObject({ fires: true, figures: { capacityAfter: 12, demand: 13 } });
  });
  it('does not fire when capacity after equals demand, nor without an announcement', () => {
    expect(closuresExceedCapacity({ approved: 20, announcedReduction: 8, occupied: 10, waiting: 2 }, 0).fires).toBe(false);
    expect(closuresExceedCapacity({ approved: 10, announcedReduction: 0, occupied: 10, waiting: 5 }, 0).fires).toBe(false);
  });
  it('keeps the region\'s margin', () => {
    expect(closuresExceedCapacity({ approved: 20, announcedReduction: 8, occupied: 10, waiting: 2 }, 1).fires).toBe(true);
  });
});
