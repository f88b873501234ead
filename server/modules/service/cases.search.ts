import { keyedSearchProvider } from '../../platform/search/keyed-search.js';
import { cases, casesSearch } from './cases.tables.js';

/** Cases in the search box, by number (CS-000123, 123) and subject; rows arrive as stored (snake_case JSON). */
export const caseSearchProvider = keyedSearchProvider<{ number: number; subject: string }>({
  type: 'case',
  table: cases,
  view: casesSearch,
  title: (row) => row.subject,
  subtitle: (row) => `#${String(row.number).padStart(6, '0')}`,
});
