import { EVENT_TYPES } from './event-types';
import { loadExampleEvent } from './examples/load-example';
import { validateEvent } from './validate-event';

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
