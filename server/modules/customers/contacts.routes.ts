import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asCaller } from '../../platform/http/route-context.js';
import { WithComputed } from '../../platform/views/list-extensions.js';
import { IdParams, Page, errorResponses } from '../../platform/http/schemas.js';
import { ContactListQuery, ContactSchema, CreateContactBody, DeletedContactSchema, DuplicateCheckBody, DuplicateListSchema, MergeContactsBody, MergeHistorySchema, UpdateContactBody } from './contacts.schema.js';
import { listMergeHistory, mergeContacts } from './contacts.merge.js';
import { findLikelyDuplicates } from './contacts.duplicates.js';
import { createContact, deleteContact, getContact, listContacts, listDeletedContacts, restoreContact, updateContact } from './contacts.service.js';

const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts the caller may see',
        description: 'Filter: name, company, title, email, phone, ownerId, createdAt, updatedAt. Sort: name, createdAt, updatedAt.',
        querystring: ContactListQuery,
        response: { 200: Page(WithComputed(ContactSchema)), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listContacts(tx, ctx, request.query)),
  );
  app.get(
    '/contacts/recycle-bin',
    {
      schema: {
        tags,
        summary: 'Deleted contacts that can be restored',
        description: 'Only those the caller could delete. Filter and sort as the list; default sort -deletedAt.',
        querystring: ContactListQuery,
        response: { 200: Page(DeletedContactSchema), ...errorResponses },
      },
    },
    (request) => asCaller(request, (tx, ctx) => listDeletedContacts(tx, ctx, request.query)),
  );
  app.post(
    '/contacts/:id/restore',
    { schema: { tags, summary: 'Restore a contact from the recycle bin', params: IdParams, response: { 200: ContactSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => restoreContact(tx, ctx, request.params.id)),
  );
  app.post(
    '/contacts/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a contact about to be saved',
        description: 'Same e-mail, same phone, same or similar name at the same company; best first.',
        body: DuplicateCheckBody,
        response: { 200: DuplicateListSchema, ...errorResponses },
      },
    },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => findLikelyDuplicates(tx, ctx, request.body)) }),
  );
  app.post(
    '/contacts/merge',
    { schema: { tags, summary: 'Merge duplicate contacts into one', description: 'Nothing is lost: values not kept go to other e-mails/phones or to the merge history.', body: MergeContactsBody, response: { 200: ContactSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => mergeContacts(tx, ctx, request.body)),
  );
  app.get(
    '/contacts/:id/merge-history',
    { schema: { tags, summary: 'Merges this contact survived, with the values set aside', params: IdParams, response: { 200: Type.Object({ data: Type.Array(MergeHistorySchema) }), ...errorResponses } } },
    async (request) => ({ data: await asCaller(request, (tx, ctx) => listMergeHistory(tx, ctx, request.params.id)) }),
  );
  app.post('/contacts', { schema: { tags, summary: 'Create a contact', body: CreateContactBody, response: { 201: ContactSchema, ...errorResponses } } }, async (request, reply) =>
    reply.status(201).send(await asCaller(request, (tx, ctx) => createContact(tx, ctx, request.body))),
  );
  app.get('/contacts/:id', { schema: { tags, summary: 'One contact', params: IdParams, response: { 200: ContactSchema, ...errorResponses } } }, (request) =>
    asCaller(request, (tx, ctx) => getContact(tx, ctx, request.params.id)),
  );
  app.patch(
    '/contacts/:id',
    { schema: { tags, summary: 'Change a contact', params: IdParams, body: UpdateContactBody, response: { 200: ContactSchema, ...errorResponses } } },
    (request) => asCaller(request, (tx, ctx) => updateContact(tx, ctx, request.params.id, request.body)),
  );
  app.delete('/contacts/:id', { schema: { tags, summary: 'Delete a contact', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await asCaller(request, (tx, ctx) => deleteContact(tx, ctx, request.params.id));
    return reply.status(204).send(null);
  });
};
