import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import { invalidField, notFound, AppError } from '../../platform/errors/app-error.js';
import { readFile, storeFile, type StoredFile } from '../../platform/files/files.service.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getProduct } from '../catalog/index.js';
import { getContact } from '../customers/index.js';
import { logInteraction, timelineOf, type LinkedInteraction } from '../interactions/index.js';
import { getQuoteSettings, ordersOfCustomer, productsOwned, type CustomerOrder, type OwnedProduct } from '../sales/index.js';
import { applyStatus, caseChanged, caseNumber, listCaseTypes, serviceSettingsOf, type Case, type CaseType } from './cases.service.js';
import { cases } from './cases.tables.js';
import { createCase } from './case-work.service.js';
import type { Portal, PortalCustomer } from './portal.service.js';
import { answerSurveyAsContact, surveysOfContact, type SurveyAnswer } from './surveys.service.js';

// What a signed-in customer sees and does: only their own contact's cases, orders and products, and of a
// case only its conversation — public replies both ways, never internal notes.

/** Files a customer may attach: photos of the fault, a receipt, a short video. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf', 'text/plain', 'video/mp4'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1_048_576;
export const MAX_ATTACHMENTS = 5;

export interface AttachmentUpload {
  name: string;
  contentType: (typeof ATTACHMENT_TYPES)[number];
  /** base64 */
  content: string;
}

/** The portal's face: the workspace's name, logo and colour, and its welcome. */
export async function portalBrand(database: Database, portal: Portal) {
  return inWorkspace(database.db, portal.workspaceId, async (tx) => {
    const workspace = await getWorkspace(tx, portal.ctx);
    return {
      name: workspace.name,
      color: portal.settings.color,
      welcomeText: portal.settings.welcomeText,
      hasLogo: (await getQuoteSettings(tx, portal.ctx)).logoFileId !== null,
      defaultLanguage: workspace.defaultLocale,
    };
  });
}

/** The workspace's logo (the one its quotes carry); 404 when there is none. */
export async function portalLogo(database: Database, portal: Portal) {
  return inWorkspace(database.db, portal.workspaceId, async (tx) => {
    const { logoFileId } = await getQuoteSettings(tx, portal.ctx);
    if (!logoFileId) throw notFound('file');
    return readFile(tx, portal.ctx, logoFileId);
  });
}

/** Active case types customers may open (the settings' choice; all active ones when it names none). */
async function offeredTypes(tx: Executor, portal: Portal): Promise<CaseType[]> {
  const allowed = portal.settings.caseTypeIds;
  return (await listCaseTypes(tx, portal.ctx)).filter((t) => t.active && (allowed.length === 0 || allowed.includes(t.id)));
}

const today = (timeZone: string, now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

export interface PortalCaseSummary {
  number: number;
  reference: string;
  subject: string;
  status: Case['status'];
  typeId: string | null;
  productId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Everything on the customer's home: who they are, their cases, orders and products (with warranty), and what they may open. */
export async function portalHome(database: Database, customer: PortalCustomer) {
  const { ctx } = customer;
  const contactId = customer.account.contactId;
  return inWorkspace(database.db, customer.workspaceId, async (tx) => {
    const prefix = (await serviceSettingsOf(tx, ctx)).numberPrefix;
    const rows = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.workspaceId, ctx.workspaceId), eq(cases.contactId, contactId), isNull(cases.deletedAt)))
      .orderBy(desc(cases.createdAt))
      .limit(200);
    const day = today(ctx.timeZone);
    const owned = await productsOwned(tx, ctx, 'contact', contactId);
    const contact = await getContact(tx, ctx, contactId);
    return {
      customer: { name: contact.name, email: customer.account.email, hasPassword: customer.account.passwordHash !== null },
      cases: rows.map((c) => summaryOf(c, prefix)),
      orders: await ordersOfCustomer(tx, ctx, 'contact', contactId),
      products: owned.data.map((p) => ({ ...p, underWarranty: p.warrantyEndsOn !== null && p.warrantyEndsOn >= day })),
      caseTypes: (await offeredTypes(tx, customer)).map((t) => ({ id: t.id, key: t.key, name: t.name })),
    };
  });
}

const summaryOf = (c: Case, prefix: string): PortalCaseSummary => ({
  number: c.number,
  reference: caseNumber(prefix, c.number),
  subject: c.subject,
  status: c.status,
  typeId: c.typeId,
  productId: c.productId,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** The number of a case as the customer quotes it (CS-000123, cs000123, 123); 0 (no case) when it has none. */
function numberOf(reference: string): number {
  const digits = /(\d{1,9})$/.exec(reference)?.[1];
  return digits ? Number(digits) : 0;
}

/** The customer's case of this reference; 404 for anyone else's (another customer's, another workspace's) or a deleted one. */
async function customerCase(tx: Executor, customer: PortalCustomer, reference: string): Promise<Case> {
  const number = numberOf(reference);
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, customer.workspaceId), eq(cases.number, number), eq(cases.contactId, customer.account.contactId), isNull(cases.deletedAt)));
  if (!row) throw notFound('case');
  return row;
}

/** What of the timeline the customer sees: messages and mail between them and the service desk, nothing internal. */
const isPublic = (i: LinkedInteraction) => (i.type === 'message' || i.type === 'email') && (i.direction === 'inbound' || i.direction === 'outbound');

async function threadOf(tx: Executor, customer: PortalCustomer, row: Case) {
  const { ctx } = customer;
  const timeline = await timelineOf(tx, ctx, { recordType: 'case', recordId: row.id }, { limit: 200 });
  const product = row.productId ? await getProduct(tx, ctx, row.productId).catch(() => null) : null;
  const prefix = (await serviceSettingsOf(tx, ctx)).numberPrefix;
  const [survey] = await surveysOfContact(tx, customer.workspaceId, customer.account.contactId, [row.id]);
  return {
    ...summaryOf(row, prefix),
    description: row.description,
    resolvedAt: row.resolvedAt,
    // The latest resolution's satisfaction survey: asked right on the case, whether or not its mail went yet.
    survey: survey ? { askNps: survey.askNps, answered: survey.answeredAt !== null, csat: survey.csat } : null,
    product: product ? { id: product.id, name: product.name } : null,
    messages: timeline.data
      .filter(isPublic)
      .reverse()
      .map((i) => ({
        id: i.id,
        at: i.occurredAt,
        fromCustomer: i.direction === 'inbound',
        body: i.body ?? '',
        attachments: i.attachments.filter((a) => a.fileId).map((a) => ({ fileId: a.fileId!, name: a.name, contentType: a.contentType, size: a.size })),
      })),
  };
}
export type PortalCaseThread = Awaited<ReturnType<typeof threadOf>>;

export async function portalCase(database: Database, customer: PortalCustomer, reference: string): Promise<PortalCaseThread> {
  return inWorkspace(database.db, customer.workspaceId, async (tx) => threadOf(tx, customer, await customerCase(tx, customer, reference)));
}

/** Keeps the uploads as files of the workspace; a refusal names the upload (`attachments.1.content`). */
async function storeUploads(tx: Executor, customer: PortalCustomer, uploads: AttachmentUpload[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const [i, upload] of uploads.entries()) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(upload.content)) throw invalidField(`attachments.${i}.content`, 'format', { format: 'base64' });
    const data = Buffer.from(upload.content, 'base64');
    if (data.length === 0) throw invalidField(`attachments.${i}.content`, 'required');
    if (data.length > MAX_ATTACHMENT_BYTES) throw invalidField(`attachments.${i}.content`, 'maximum', { limit: `${MAX_ATTACHMENT_BYTES / 1_048_576} MB` });
    stored.push(await storeFile(tx, customer.ctx, { name: upload.name, contentType: upload.contentType, data }));
  }
  return stored;
}

/** The customer's words on their case, as the service desk sees them: a message in by the portal, with its files. */
async function logCustomerMessage(tx: Executor, customer: PortalCustomer, row: Case, body: string, files: StoredFile[]) {
  return logInteraction(tx, customer.ctx, {
    type: 'message',
    channel: 'portal',
    direction: 'inbound',
    subject: row.subject,
    body,
    attachments: files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, fileId: f.id })),
    links: [{ recordType: 'case', recordId: row.id }],
    participants: [{ kind: 'contact', id: customer.account.contactId, role: 'from' }],
  });
}

export interface PortalCaseInput {
  typeId: string;
  productId?: string | null;
  subject: string;
  description: string;
  attachments?: AttachmentUpload[];
}

/**
 * The customer opens a case: of a type the portal offers, about a product they own (or none), routed like
 * any new case (queue by the rules, agent by score); their description and files are its first message.
 */
export async function openPortalCase(database: Database, customer: PortalCustomer, input: PortalCaseInput): Promise<PortalCaseThread> {
  const { ctx } = customer;
  const contactId = customer.account.contactId;
  return inWorkspace(database.db, customer.workspaceId, async (tx) => {
    if (!(await offeredTypes(tx, customer)).some((t) => t.id === input.typeId)) throw invalidField('typeId', 'invalid');
    if (input.productId && !(await productsOwned(tx, ctx, 'contact', contactId)).data.some((p: OwnedProduct) => p.productId === input.productId)) throw invalidField('productId', 'invalid');
    const description = input.description.trim();
    if (!description) throw invalidField('description', 'required');
    const files = await storeUploads(tx, customer, input.attachments ?? []);
    const created = await createCase(tx, ctx, {
      subject: input.subject,
      description,
      channel: 'portal',
      typeId: input.typeId,
      productId: input.productId ?? null,
      contactId,
      language: ctx.locale,
      assign: true,
    });
    await logCustomerMessage(tx, customer, created, description, files);
    return threadOf(tx, customer, created);
  });
}

/**
 * The customer writes on their case. A case waiting for them, or resolved, goes back to open (they answered,
 * or it is not fixed after all); a closed case takes nothing more — they open a new one.
 */
export async function replyOnPortalCase(database: Database, customer: PortalCustomer, reference: string, input: { body: string; attachments?: AttachmentUpload[] }): Promise<PortalCaseThread> {
  return inWorkspace(database.db, customer.workspaceId, async (tx) => {
    let row = await customerCase(tx, customer, reference);
    if (row.status === 'closed') throw new AppError('PORTAL_CASE_CLOSED', 409);
    const body = input.body.trim();
    if (!body) throw invalidField('body', 'required');
    const files = await storeUploads(tx, customer, input.attachments ?? []);
    await logCustomerMessage(tx, customer, row, body, files);
    if (row.status === 'pending_customer' || row.status === 'resolved') row = await applyStatus(tx, customer.ctx, row, 'open');
    await caseChanged(tx, customer.ctx, row.id);
    return threadOf(tx, customer, row);
  });
}

/** The customer rates how their case was handled (its latest resolution's survey), on the case itself. */
export async function answerPortalSurvey(database: Database, customer: PortalCustomer, reference: string, answer: SurveyAnswer): Promise<PortalCaseThread> {
  const survey = await inWorkspace(database.db, customer.workspaceId, async (tx) => {
    const row = await customerCase(tx, customer, reference);
    return (await surveysOfContact(tx, customer.workspaceId, customer.account.contactId, [row.id]))[0];
  });
  if (!survey) throw notFound('survey');
  await answerSurveyAsContact(database, customer.workspaceId, customer.account.contactId, survey.id, answer);
  return portalCase(database, customer, reference);
}

/** A file on the customer's case, only when it came with a message they can see. */
export async function portalCaseFile(database: Database, customer: PortalCustomer, reference: string, fileId: string) {
  return inWorkspace(database.db, customer.workspaceId, async (tx) => {
    const thread = await threadOf(tx, customer, await customerCase(tx, customer, reference));
    if (!thread.messages.some((m) => m.attachments.some((a) => a.fileId === fileId))) throw notFound('file');
    return readFile(tx, customer.ctx, fileId);
  });
}

export type { CustomerOrder };
