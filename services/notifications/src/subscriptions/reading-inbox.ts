import { Injectable } from '@nestjs/common';
import { organisationLabel, type Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { userKey } from '../notices/domain/notice';

/** The in-app inbox: the user's own entries and their organisation's, newest first. */
@Injectable()
export class ReadingInbox {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal, options: { unreadOnly: boolean; limit: number }) {
    const keys = [userKey(principal.sub), organisationLabel(principal.organisation)];
    const items = await this.dataSource.query(
      `SELECT e.id, n.kind, n.title, n.body, n.data AS facts, e.reason, e.recipient, e.read_at AS "readAt", e.created_at AS "createdAt"
       FROM inbox_entries e JOIN notices n ON n.id = e.notice_id
       WHERE e.recipient = ANY($1) AND ($2::boolean = false OR e.read_at IS NULL)
       ORDER BY e.created_at DESC, e.id LIMIT $3`, [keys, options.unreadOnly, options.limit]);
    const [{ unread }] = await this.dataSource.query('SELECT count(*)::int AS unread FROM inbox_entries WHERE recipient = ANY($1) AND read_at IS NULL', [keys]);
    return { unread, items };
  }

  async markRead(principal: Principal, id: string, read: boolean) {
    const keys = [userKey(principal.sub), organisationLabel(principal.organisation)];
    const rows = await this.dataSource.query(
      'UPDATE inbox_entries SET read_at = CASE WHEN $3 THEN COALESCE(read_at, now()) END WHERE id = $1 AND recipient = ANY($2) RETURNING id, read_at AS "readAt"', [id, keys, read]);
    const [updated] = rows[0] as { id: string; readAt: Date | null }[];
    if (!updated) throw new RuleViolation('id', 'own-inbox-entry', 'no inbox entry with this id for you or your organisation', 404);
    return updated;
  }
}
