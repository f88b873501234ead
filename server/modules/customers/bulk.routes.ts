import { bulkRoutes } from '../../platform/records/bulk-routes.js';
import { CreateAccountBody, UpdateAccountBody } from './accounts.schema.js';
import { createAccount, deleteAccount, updateAccount } from './accounts.service.js';
import { CreateContactBody, UpdateContactBody } from './contacts.schema.js';
import { createContact, deleteContact, updateContact } from './contacts.service.js';

/** POST/PATCH /contacts/bulk, /accounts/bulk and their bulk-delete. */
export const customerBulkRoutes = bulkRoutes([
  { path: '/contacts', tag: 'contacts', createBody: CreateContactBody, updateBody: UpdateContactBody, create: createContact, update: updateContact, remove: deleteContact },
  { path: '/accounts', tag: 'accounts', createBody: CreateAccountBody, updateBody: UpdateAccountBody, create: createAccount, update: updateAccount, remove: deleteAccount },
]);
