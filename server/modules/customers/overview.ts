import { lastChangedAt } from '../../platform/audit/audit.service.js';
import { contributeToOverview } from '../../platform/records/overview.js';
import { listAccountContacts, listContactAccounts } from './account-contacts.service.js';
import { listChildAccounts } from './accounts.service.js';

// What the customers module itself shows on the 360-degree views of contacts and accounts. Later modules
// (interactions, sales, service) register their own contributors the same way. "Last change" stands in
// for "last contact" until the timeline exists.

contributeToOverview('contact', async (tx, ctx, id) => {
  const links = await listContactAccounts(tx, ctx, id);
  return {
    figures: [
      { key: 'accounts', value: links.length, format: 'count' },
      { key: 'lastChange', value: (await lastChangedAt(tx, ctx, 'contact', id))?.toISOString() ?? null, format: 'date' },
    ],
    panels: [
      {
        key: 'accounts',
        recordType: 'account',
        total: links.length,
        items: links.map((l) => ({ id: l.account.id, title: l.account.name, subtitle: l.role, at: null })),
      },
    ],
  };
});

contributeToOverview('account', async (tx, ctx, id) => {
  const people = await listAccountContacts(tx, ctx, id);
  const children = await listChildAccounts(tx, ctx, id);
  return {
    figures: [
      { key: 'contacts', value: people.length, format: 'count' },
      { key: 'subsidiaries', value: children.length, format: 'count' },
      { key: 'lastChange', value: (await lastChangedAt(tx, ctx, 'account', id))?.toISOString() ?? null, format: 'date' },
    ],
    panels: [
      {
        key: 'contacts',
        recordType: 'contact',
        total: people.length,
        items: people.map((p) => ({ id: p.contact.id, title: p.contact.name, subtitle: [p.role, p.contact.title].filter(Boolean).join(' · '), at: null })),
      },
      { key: 'subsidiaries', recordType: 'account', total: children.length, items: children.map((c) => ({ id: c.id, title: c.name, subtitle: c.industry, at: null })) },
    ],
  };
});
