import { Type } from '@sinclair/typebox';
import { Email, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const TLS_MODES = ['tls', 'starttls', 'none'] as const;
const Folder = Type.String({ minLength: 1, maxLength: 500 });

const fields = {
  address: { ...Email, description: 'The mailbox’s own address: mail from it is logged as outbound.' },
  host: Type.String({ minLength: 1, maxLength: 253, description: 'IMAP server, e.g. imap.exmail.qq.com' }),
  port: Type.Integer({ minimum: 1, maximum: 65535, description: '993 with tls, 143 with starttls or none' }),
  tls: StringEnum(TLS_MODES, { description: 'tls: TLS from the start (993); starttls: upgrade required; none: plain text (local servers only).' }),
  username: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1000, description: 'Kept encrypted; never shown again.' }),
  folders: Type.Optional(Nullable(Type.Array(Folder, { maxItems: 50, description: 'Folders to sync; null: INBOX and the folder the server flags \\Sent.' }))),
  createContacts: Type.Optional(Type.Boolean({ description: 'Mail from an unknown outside sender creates a contact.' })),
  initialSyncDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'How far back the first sync reaches (default 30 days; at most the newest 1,000 messages).' })),
  enabled: Type.Optional(Type.Boolean({ description: 'Synced every few minutes while true.' })),
};

export const CreateMailboxBody = Type.Object({ personal: Type.Boolean({ description: 'true: your own mailbox; false: the workspace’s (admins).' }), ...fields }, { additionalProperties: false });
export const UpdateMailboxBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

export const MailboxSchema = Type.Object({
  id: Uuid,
  userId: Nullable(Uuid),
  address: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  tls: StringEnum(TLS_MODES),
  username: Type.String(),
  folders: Nullable(Type.Array(Type.String())),
  createContacts: Type.Boolean(),
  initialSyncDays: Type.Integer(),
  enabled: Type.Boolean(),
  syncedFolders: Type.Array(Type.String(), { description: 'Folders synced so far.' }),
  syncJob: Nullable(Type.Object({ id: Uuid, state: Type.String(), progress: Type.Integer(), total: Nullable(Type.Integer()) }, { description: 'The latest sync (GET /jobs/{id} follows it).' })),
  lastSyncAt: Nullable(Timestamp),
  lastError: Nullable(Type.Object({ code: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }, { description: 'Why the last sync failed: an error code, translated as errors.<code>.' })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const FoldersSchema = Type.Object({ folders: Type.Array(Type.Object({ path: Type.String(), specialUse: Nullable(Type.String()) })) });
