import { EVENT_TYPES } from './event-types';
import { loadExampleEvent } from './examples/load-example';
import { foreignEventReason, validateEvent } from './validate-event';

describe('event contracts', () => {
  it.each(EVENT_TYPES)('the example %s message is valid against its contract', (type) => {
    const result = validateEvent(loadExampleEvent(type));
    expect(result).toEqual({ ok: true, event: expect.objectContaining({ type }) });
  });

  it('rejects an unknown event type and names it', () => {
    const event = { ...loadExampleEvent('CapacityChanged'), type: 'CapacityVanished' };
    expect(validateEvent(event)).toEqual({ ok: false, reason: 'unknown event type: CapacityVanished' });
  });

  it('rejects a version the consumer does not know', () => {
    const event = { ...loadExampleEvent('CapacityChanged'), version: 7 };
    expect(validateEvent(event)).toMatchObject({ ok: false, reason: expect.stringContaining('unsupported version 7') });
  });

  it('names the payload field and rule that a message breaks', () => {
    const event = loadExampleEvent('CapacityChanged');
    const broken = { ...event, payload: { ...event.payload, capacity: { ...event.payload.capacity, vacantPlaces: -1 } } };
    const result = validateEvent(broken);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('payload.capacity.vacantPlaces') });
    expect(result).toMatchObject({ reason: expect.stringContaining('(min)') });
  });

  it('rejects an envelope without an event id', () => {
    const { eventId: _drop, ...rest } = loadExampleEvent('OfferRegistered');
    expect(validateEvent(rest)).toMatchObject({ ok: false, reason: expect.stringContaining('eventId') });
  });

  it('rejects a message that is not an object', () => {
    expect(validateEvent('hello')).toEqual({ ok: false, reason: 'message is not a JSON object' });
  });
});

describe('events on the topic they belong to', () => {
  it('accepts an event from the service that owns its topic, and names what is foreign otherwise', () => {
    const event = loadExampleEvent('CapacityChanged');
    expect(foreignEventReason(event, 'offers.offer')).toBeNull();
    expect(foreignEventReason({ ...event, producer: 'visitation' }, 'offers.offer')).toMatch(/producer visitation, but offers.offer is offers's/);
    expect(foreignEventReason(event, 'visitation.placement')).toMatch(/does not belong on visitation.placement/);
  });
});
