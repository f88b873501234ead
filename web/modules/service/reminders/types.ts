/** /service/reminder-rules and /service/reminders (server/modules/service/reminders.routes.ts). */
import type { REMINDER_TRIGGERS } from '../../../../contracts/service';

export type ReminderTrigger = (typeof REMINDER_TRIGGERS)[number];
export const REMINDER_ACTIONS = ['createTask', 'emailCustomer', 'notifyOwner'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export interface ReminderRule {
  id: string;
  name: string;
  trigger: ReminderTrigger;
  daysBefore: number;
  createTask: boolean;
  emailCustomer: boolean;
  notifyOwner: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ReminderRuleInput = Omit<ReminderRule, 'id' | 'createdAt' | 'updatedAt'>;

export interface FiredReminder {
  id: string;
  ruleId: string;
  endsOn: string;
  productName: string;
  orderId: string | null;
  orderNumber: string | null;
  accountId: string | null;
  contactId: string | null;
  ownerId: string | null;
  taskId: string | null;
  emailId: string | null;
  emailSkipped: 'no_contact' | 'no_email' | 'no_mail_account' | null;
  firedAt: string;
}
