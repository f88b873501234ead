import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import { isLocale } from '../../platform/i18n/i18n.js';
import { memberships, users, workspaces } from '../../platform/tenancy/tenancy.tables.js';
import { mailAccounts, outgoingEmails } from './interactions.tables.js';

/** A mail to a member; attachments are files already stored in the workspace (storeFile). */
export interface MemberMail {
  subject: string;
  body: string;
  attachments?: { fileId: string; filename: string; contentType: string }[];
}

/**
 * Queues a mail from the workspace to one of its members (a task reminder, a scheduled report) in the outbox,
 * through the workspace's mail account, written in the member's language and time zone (their own, else the
 * workspace's). Null when the workspace has no mail account or the member is not active. The caller enqueues
 * `email.send` with the ids in the same transaction, so the mail is sent once or not at all.
 */
export async function queueMemberMail(
  tx: Executor,
  workspaceId: string,
  userId: string,
  compose: (locale: Locale, timeZone: string) => MemberMail | Promise<MemberMail>,
): Promise<string | null> {
  const [account] = await tx.select({ id: mailAccounts.id }).from(mailAccounts).where(and(eq(mailAccounts.workspaceId, workspaceId), isNull(mailAccounts.userId)));
  if (!account) return null;
  const [member] = await tx
    .select({ email: users.email, locale: users.locale, timeZone: users.timeZone, workspaceLocale: workspaces.defaultLocale, workspaceTimeZone: workspaces.timeZone })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, workspaceId))
    // A deactivated member gets no mail from the workspace.
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, users.id), eq(memberships.status, 'active')))
    .where(eq(users.id, userId));
  if (!member) return null;
  const locale: Locale = isLocale(member.locale) ? member.locale : member.workspaceLocale;
  const { subject, body, attachments = [] } = await compose(locale, member.timeZone ?? member.workspaceTimeZone);
  const id = uuidv7();
  await tx.insert(outgoingEmails).values({ workspaceId, id, accountId: account.id, contactId: null, userId, toAddress: member.email, subject, body, attachments });
  return id;
}
