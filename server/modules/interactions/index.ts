// The interactions module's public surface: other modules import only from here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registerViewableList } from '../../platform/views/views.service.js';
import { callRoutes } from './calls.routes.js';
import { emailRoutes } from './email.routes.js';
import { emailOutRoutes } from './email-out.routes.js';
import { mailboxRoutes } from './mailboxes.routes.js';
import { interactionRoutes } from './interactions.routes.js';
import { interactionListSpec } from './interactions.service.js';
import { taskRoutes } from './tasks.routes.js';
import { followUpRoutes } from './follow-ups.routes.js';
import { taskListSpec } from './tasks.service.js';
import './overview.js';
import { sendDueReminders } from './reminders.js';
import { runPeriodically } from '../../platform/jobs/periodic.js';

registerViewableList('interactions', interactionListSpec);
registerViewableList('tasks', taskListSpec);

export const interactionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  runPeriodically(app, 'sending reminders', 15_000, () => sendDueReminders({ database: app.database, realtime: app.realtime, jobs: app.jobs, publicUrl: app.config.publicUrl }));
  await app.register(interactionRoutes);
  await app.register(taskRoutes);
  await app.register(followUpRoutes);
  await app.register(callRoutes);
  await app.register(emailRoutes);
  await app.register(emailOutRoutes);
  await app.register(mailboxRoutes);
};
export { deleteInteraction, getInteraction, lastContactOf, logInteraction, MAX_MEETING_DAYS, shareTimeline, timelineOf, updateInteraction, type Interaction, type InteractionInput, type LinkedInteraction, type Participant } from './interactions.service.js';
export { createTask, listTasks, type Task, type TaskInput } from './tasks.service.js';
export { knownExternalIds, meetingsBetween, type MeetingRange } from './meetings.service.js';
export { InteractionSchema, RecordRefSchema } from './interactions.schema.js';
export { handleCallEvent, provideDialer, type CallEvent, type Dialer } from './calls.service.js';
export { ingestEmail, inboxOf, workspaceOfInbox, type Address, type InboundEmail } from './email-in.service.js';
export { sendDueReminders } from './reminders.js';
export { deliverMail, senderAccount, type MailAccount, type PlainMail } from './email-out.service.js';
export { queueMemberMail, type MemberMail } from './member-mail.js';
export { EMAIL_SEND_JOB } from './email-out.service.js';
export { linkToRecord, moveTimeline, recordsOfThread, type RecordRef } from './interactions.service.js';
export { listMailAccounts, outgoingMessageId, queueEmails } from './email-out.service.js';
export { onInboundEmail, type InboundEmailHandler } from './email-in.service.js';
export {
  MAILBOX_SYNC_JOB,
  advanceFolder,
  connectionOf,
  enqueueDueSyncs,
  finishSync,
  mailboxToSync,
  provideMailboxProbe,
  recordMailboxMessage,
  type MailboxConnection,
  type MailboxFolder,
} from './mailboxes.service.js';
