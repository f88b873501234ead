import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import { tasks } from './interactions.tables.js';

/**
 * Sends the reminders that are due: each open task whose remind time has come is claimed once (an atomic
 * update, so several processes never remind twice) and its owner's open pages get `task.reminder`.
 * Returns how many went out.
 */
export async function sendDueReminders(database: Database, realtime: Realtime, now = new Date()): Promise<number> {
  const due = (await asSystem(database.db, (tx) =>
    tx.execute(sql`
      update ${tasks} set reminded_at = ${now.toISOString()}::timestamptz
       where remind_at <= ${now.toISOString()}::timestamptz and reminded_at is null and status = 'open' and deleted_at is null
       returning workspace_id, id, title, due_at, owner_id, record_type, record_id`),
  )) as unknown as { rows?: Row[] } | Row[];
  const rows = Array.isArray(due) ? due : (due.rows ?? []);
  for (const task of rows) {
    if (!task.owner_id) continue;
    await realtime.publish({
      workspaceId: task.workspace_id,
      userIds: [task.owner_id],
      event: { type: 'task.reminder', taskId: task.id, title: task.title, dueAt: task.due_at ? new Date(task.due_at).toISOString() : null, recordType: task.record_type, recordId: task.record_id },
    });
  }
  return rows.length;
}

interface Row {
  workspace_id: string;
  id: string;
  title: string;
  due_at: string | Date | null;
  owner_id: string | null;
  record_type: string | null;
  record_id: string | null;
}
