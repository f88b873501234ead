import { keyedSearchProvider } from '../../platform/search/keyed-search.js';
import { accounts, accountsSearch } from './accounts.tables.js';

/** Accounts in the search box; rows arrive as stored (snake_case JSON). */
export const accountSearchProvider = keyedSearchProvider<{ industry: string | null; region: string | null }>({
  type: 'account',
  table: accounts,
  view: accountsSearch,
  subtitle: (row) => [row.industry, row.region].filter(Boolean).join(' · ') || null,
});
