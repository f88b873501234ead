// The customers module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registerCustomizableObject } from '../../platform/custom-fields/custom-fields.service.js';
import { registerLinkableRecord } from '../../platform/records/linkable.js';
import { registerViewableList } from '../../platform/views/views.service.js';
import { accountIdsOfContact } from './account-contacts.service.js';
import { accountRoutes } from './accounts.routes.js';
import { accountListSpec, getAccount } from './accounts.service.js';
import { contactListSpec, getContact } from './contacts.service.js';
import { contacts } from './contacts.tables.js';
import { accounts } from './accounts.tables.js';
import { customerBulkRoutes } from './bulk.routes.js';
import { duplicateScanRoutes } from './duplicate-scan.routes.js';
import { contactRoutes } from './contacts.routes.js';
import { exportRoutes } from './export.routes.js';
import { backfillIdentityKeys } from './identity-backfill.js';
import { importRoutes } from './imports.routes.js';
import { overviewRoutes } from './overview.routes.js';

registerViewableList('contacts', contactListSpec, contacts.custom);
registerCustomizableObject('contacts');
registerCustomizableObject('accounts');
registerViewableList('accounts', accountListSpec, accounts.custom);
registerLinkableRecord('contact', {
  owned: contacts,
  titleOf: async (tx, ctx, id) => (await getContact(tx, ctx, id)).name,
  rollUp: async (tx, ctx, id) => (await accountIdsOfContact(tx, ctx, id)).map((accountId) => ({ type: 'account', id: accountId })),
});
registerLinkableRecord('account', { owned: accounts, titleOf: async (tx, ctx, id) => (await getAccount(tx, ctx, id)).name });

export const customerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // In the background: a database from before migration 0049 keys its contacts while the app already serves.
  if (app.config.GUANXI_WORKERS) {
    app.addHook('onReady', async () => {
      backfillIdentityKeys(app.database)
        .then((keyed) => keyed && app.log.info({ keyed }, 'contacts given their identity key'))
        .catch((err: unknown) => app.log.error({ err }, 'identity key backfill failed'));
    });
  }
  // Before the record routes, so /contacts/export and /contacts/bulk read as paths of their own, not ids.
  await app.register(exportRoutes);
  await app.register(customerBulkRoutes);
  await app.register(duplicateScanRoutes);
  await app.register(contactRoutes);
  await app.register(accountRoutes);
  await app.register(importRoutes);
  await app.register(overviewRoutes);
};
export { accountSearchProvider } from './accounts.search.js';
export { contactSearchProvider } from './contacts.search.js';
export { createContact, getContact, listContacts, updateContact, type Contact, type ContactInput } from './contacts.service.js';
export { findLikelyDuplicates, SURE_SCORE, type DuplicateCandidate } from './contacts.duplicates.js';
export { findContactsByEmail, findContactsByPhone } from './contacts.lookup.js';
export { accountsByIds, createAccount, getAccount, handOverAccounts, listAccounts, type Account, type AccountInput } from './accounts.service.js';
/** Many accounts at once, each validated alone (order imports make their customers). */
export { createAccounts } from './accounts.service.js';
export { CustomValuesSchema, TagsSchema } from './common.schema.js';
export { csvText } from './csv.js';
/** File reading for other modules' importers (catalog): CSV in any common encoding, or XLSX. */
export { readImportFile, ImportFileError, ENCODINGS, type ParsedFile } from '../../platform/imports/import-files.js';
export { linkContact } from './account-contacts.service.js';
export { AccountSchema } from './accounts.schema.js';
export { ContactSchema } from './contacts.schema.js';
