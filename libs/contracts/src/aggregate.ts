import type { NewEvent } from './create-event';
import type { EventType } from './event-types';

/** An event as a decider states it: what happened, without its number. */
export type EventDraft<T extends EventType> = Omit<NewEvent<T>, 'aggregateVersion'>;

/** A draft, or one made from the state the events before it in the same decision left. */
export type Draft<S, T extends EventType> = EventDraft<T> | ((state: S) => EventDraft<T>);

/**
 * The one place aggregate versions are assigned: each draft gets the next version, and the state
 * moves on by `evolve`, so a decision's state is always what its events say and no decider numbers
 * an event by hand (a wrong number is dropped by every consumer as stale).
 */
export function applyEvents<S extends { version: number }, T extends EventType>(
  state: S, drafts: readonly Draft<S, T>[], evolve: (state: S, event: NewEvent<T>) => S,
): { state: S; events: NewEvent<T>[] } {
  let current = state;
  const events: NewEvent<T>[] = [];
  for (const d of drafts) {
    const draft = typeof d === 'function' ? d(current) : d;
    const event = { ...draft, aggregateVersion: current.version + 1 } as NewEvent<T>;
    current = { ...evolve(current, event), version: event.aggregateVersion };
    events.push(event);
  }
  return { state: current, events };
}
