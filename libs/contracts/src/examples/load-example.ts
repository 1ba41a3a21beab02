import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventOf, EventType } from '../event-types';

/**
 * The example message of an event type (`examples/<Type>.json`). Producer tests check that what
 * they emit has the same shape; consumer tests feed it to their handler.
 */
export function loadExampleEvent<T extends EventType>(type: T): EventOf<T> {
  return JSON.parse(readFileSync(join(__dirname, `${type}.json`), 'utf8')) as EventOf<T>;
}
