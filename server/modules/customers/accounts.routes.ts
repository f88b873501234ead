import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { WithComputed } from '../../platform/views/list-extensions.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import {
  AccountContactSchema,
  AccountListQuery,
  AccountSchema,
  ContactAccountSchema,
  CreateAccountBody,
  DeletedAccountSchema,
  LinkBody,
  LinkParams,
  UpdateAccountBody,
} from './accounts.schema.js';
import { createAccount, deleteAccount, getAccount, listAccounts, listChildAccounts, listDeletedAccounts, restoreAccount, updateAccount } from './accounts.service.js';
import { linkContact, listAccountContacts, listContactAccounts, unlinkContact } from './account-contacts.service.js';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts the caller may see',
        description: 'Filter: name, type, industry, size, tier, region, source, lifecycleStage, creditStatus, parentId, ownerId, createdAt, updatedAt. Sort: name, createdAt, updatedAt.',
        querystring: AccountListQuery,
        response: { 200: Page(WithComputed(AccountSchema)), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listAccounts(tx, ctx, request.query)),
  );
  app.get(
    '/accounts/recycle-bin',
    { schema: { tags, summary: 'Deleted accounts that can be restored', querystring: AccountListQuery, response: { 200: Page(DeletedAccountSchema), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => listDeletedAccounts(tx, ctx, request.query)),
  );
  app.post('/accounts', { schema: { tags, summary: 'Create an account', body: CreateAccountBody, response: { 201: AccountSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createAccount(tx, ctx, request.body))),
  );
  app.get('/accounts/:id', { schema: { tags, summary: 'One account', params: IdParams, response: { 200: AccountSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getAccount(tx, ctx, request.params.id)),
  );
  app.patch(
    '/accounts/:id',
    { schema: { tags, summary: 'Change an account', params: IdParams, body: UpdateAccountBody, response: { 200: AccountSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateAccount(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/accounts/:id', { schema: { tags, summary: 'Move an account to the recycle bin', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteAccount(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post('/accounts/:id/restore', { schema: { tags, summary: 'Restore an account from the recycle bin', params: IdParams, response: { 200: AccountSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => restoreAccount(tx, ctx, request.params.id)),
  );
  app.get('/accounts/:id/children', { schema: { tags, summary: 'Accounts whose parent this is', params: IdParams, response: { 200: Type.Object({ data: Type.Array(AccountSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listChildAccounts(tx, ctx, request.params.id)),
  }));

  app.get('/accounts/:id/contacts', { schema: { tags, summary: 'Contacts at this account, with their roles', params: IdParams, response: { 200: Type.Object({ data: Type.Array(AccountContactSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listAccountContacts(tx, ctx, request.params.id)),
  }));
  app.put(
    '/accounts/:id/contacts/:contactId',
    { schema: { tags, summary: 'Link a contact to the account, or change its role', params: LinkParams, body: LinkBody, response: { 200: Type.Object({ role: Type.String(), isPrimary: Type.Boolean() }), ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => linkContact(tx, ctx, request.params.id, request.params.contactId, request.body)),
  );
  app.delete('/accounts/:id/contacts/:contactId', { schema: { tags, summary: 'Unlink a contact from the account', params: LinkParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => unlinkContact(tx, ctx, request.params.id, request.params.contactId));
    return reply.status(204).send(null);
  });
  app.get('/contacts/:id/accounts', { schema: { tags: ['contacts'], summary: 'Accounts this contact belongs to', params: IdParams, response: { 200: Type.Object({ data: Type.Array(ContactAccountSchema) }), ...errorResponses } } }, async (request) => ({
    data: await asCaller(request, (tx, ctx) => listContactAccounts(tx, ctx, request.params.id)),
  }));
};
