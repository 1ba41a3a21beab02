import { BaseRpcContext } from '@nestjs/microservices';
import type { EventCause, TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import type { IncomingMessage } from '../bus/message-bus';

/**
 * The second argument of every `@EventPattern` handler: the transaction the effect must use (the
 * inbox row is in it), the raw message's position, and the cause to stamp on follow-up events.
 */
export class EventContext extends BaseRpcContext<[TilbudsnetEvent, EntityManager, IncomingMessage, boolean?]> {
  get event(): TilbudsnetEvent {
    return this.args[0];
  }

  /** The transaction shared with the inbox record: write the effect through it. */
  get manager(): EntityManager {
    return this.args[1];
  }

  get message(): IncomingMessage {
    return this.args[2];
  }

  /**
   * True while a read model is rebuilt from history: handlers update their read model and skip
   * side effects (notices, matches, follow-up events) that happened the first time.
   */
  get rebuilding(): boolean {
    return this.args[3] === true;
  }

  /** Follow-up events keep the correlation id and name this event as their cause. */
  get cause(): EventCause {
    return { correlationId: this.event.correlationId, causationId: this.event.eventId };
  }
}
