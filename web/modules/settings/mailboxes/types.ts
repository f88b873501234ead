/** An IMAP mailbox synced to the timeline (GET /mailboxes). */
export interface Mailbox {
  id: string;
  userId: string | null;
  address: string;
  host: string;
  port: number;
  tls: 'tls' | 'starttls' | 'none';
  username: string;
  folders: string[] | null;
  createContacts: boolean;
  initialSyncDays: number;
  enabled: boolean;
  syncedFolders: string[];
  syncJob: { id: string; state: string; progress: number; total: number | null } | null;
  lastSyncAt: string | null;
  lastError: { code: string; params?: Record<string, unknown> } | null;
  createdAt: string;
  updatedAt: string;
}
export interface MailboxFolder {
  path: string;
  specialUse: string | null;
}
