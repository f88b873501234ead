import { keyedSearchProvider } from '../../platform/search/keyed-search.js';
import { contacts, contactsSearch } from './contacts.tables.js';

/** Contacts in the search box; rows arrive as stored (snake_case JSON). */
export const contactSearchProvider = keyedSearchProvider<{ company: string | null; email: string | null }>({
  type: 'contact',
  table: contacts,
  view: contactsSearch,
  subtitle: (row) => [row.company, row.email].filter(Boolean).join(' · ') || null,
});
