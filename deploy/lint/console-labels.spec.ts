import { EARLY_WARNING_CATEGORIES, EARLY_WARNING_SEVERITIES, EARLY_WARNING_STATUSES, GOAL_ATTAINMENT_LEVELS, OFFER_STATUSES, PROGRESSION_AREAS, SPECIALISATION_LEVELS, SUPERVISION_STATUSES } from '@tilbudsnet/contracts';
import { NOTICE_KINDS } from '../../services/notifications/src/notices/domain/notice';
import { catalogue } from '../../services/console/src/web-catalogue';
import { AUDIT_ACTIONS } from '../../services/visitation/src/audit/audit-record.entity';
import { PLACEMENT_STATUSES } from '../../services/visitation/src/placements/domain/placement';
import { WAITLIST_STATUSES } from '../../services/visitation/src/waitlist/waitlist-entry.entity';

/**
 * Every value of a vocabulary the console shows a person has a label in Danish and in English, read
 * from the services' own lists: a status or kind added to a service without a label fails here (it
 * would reach the page as its code, "waiting" on a Danish page).
 */
const texts = catalogue('i18n.js', 'TEXTS');
const TARIFF_STATUSES = ['awaiting-approval', 'published'];

const VOCABULARIES: [string, string, readonly string[]][] = [
  ['statuses', 'offer statuses', OFFER_STATUSES],
  ['statuses', 'placement statuses', PLACEMENT_STATUSES],
  ['statuses', 'early-warning statuses', EARLY_WARNING_STATUSES],
  ['statuses', 'tariff statuses', TARIFF_STATUSES],
  ['waitlistStatuses', 'waiting-list statuses', WAITLIST_STATUSES],
  ['categories', 'early-warning categories', EARLY_WARNING_CATEGORIES],
  ['severities', 'early-warning severities', EARLY_WARNING_SEVERITIES],
  ['specialisationLevels', 'specialisation levels', SPECIALISATION_LEVELS],
  ['noticeKinds', 'notice kinds', NOTICE_KINDS],
  ['auditActions', 'audit actions', AUDIT_ACTIONS],
  ['supervisionStatuses', 'supervision statuses', SUPERVISION_STATUSES],
  ['areas', 'progression areas', PROGRESSION_AREAS],
  ['gasLevels', 'goal attainment levels', GOAL_ATTAINMENT_LEVELS.map(String)],
];

describe('the console labels every value it shows', () => {
  it.each(VOCABULARIES.flatMap(([key, what, values]) => ['da', 'en'].map((language) => [what, language, key, values] as const)))(
    'has a label for every one of the %s in %s', (_what, language, key, values) => {
      const labels = texts[language][key] as Record<string, string>;
      expect(values.filter((v) => typeof labels?.[v] !== 'string' || !labels[v].trim())).toEqual([]);
    });

  it('labels waiting-list statuses in two languages, not one', () => {
    expect(WAITLIST_STATUSES.filter((s) => texts.da.waitlistStatuses[s] === texts.en.waitlistStatuses[s])).toEqual([]);
  });
});
