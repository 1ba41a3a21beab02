/** Orders a search can give: by relevance (the ranking), or by one plain key. */
export const SEARCH_SORTS = ['relevance', 'name', 'day-rate', 'vacant-places', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
