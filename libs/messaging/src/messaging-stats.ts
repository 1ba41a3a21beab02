import { Injectable } from '@nestjs/common';

/**
 * What the messaging of one service has done, for metrics: the consumer it runs, the events it
 * handled by outcome, and its dead letters by topic and reason.
 */
@Injectable()
export class MessagingStats {
  consumer: { group: string; topics: string[] } | null = null;
  /** False while the service's consumer is down (crashed, restarting): readiness fails then. */
  consumerUp = true;
  /** Times the consumer was started again after it stopped by itself. */
  consumerRestarts = 0;
  readonly handled = new Map<string, number>();
  readonly deadLetters = new Map<string, number>();

  countHandled(eventType: string, outcome: string): void {
    const key = `${eventType}|${outcome}`;
    this.handled.set(key, (this.handled.get(key) ?? 0) + 1);
  }

  countDeadLetter(topic: string, reason: string): void {
    // The reason's kind, not its text: texts carry ids and would make one series per message.
    const kind = reason.startsWith('malformed JSON') ? 'malformed-json'
      : reason.startsWith('invalid envelope') ? 'invalid-envelope'
        : reason.startsWith('unknown event type') ? 'unknown-type'
          : reason.startsWith('unsupported version') ? 'unsupported-version'
            : reason.startsWith('invalid ') ? 'invalid-payload' : 'handler-failed';
    const key = `${topic}|${kind}`;
    this.deadLetters.set(key, (this.deadLetters.get(key) ?? 0) + 1);
  }
}
