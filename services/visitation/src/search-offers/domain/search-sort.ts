/** Orders a search can give: by relevance (the ranking), or by one plain key (effect: share of goals met, offers without enough data last). */
export const SEARCH_SORTS = ['relevance', 'name', 'day-rate', 'vacant-places', 'distance', 'effect'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
