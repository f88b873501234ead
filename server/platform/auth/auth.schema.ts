import { Type } from '@sinclair/typebox';
import { API_KEY_SCOPES, LOCALES, ROLES } from '../../../contracts/roles.js';
import { Email, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas.js';

export const LocaleSchema = StringEnum(LOCALES, { description: 'zh-CN, zh-TW or en' });
export const RoleSchema = StringEnum(ROLES);
/** At least 8 characters; at most 200 so that hashing cannot be used to tie up the server. */
export const Password = Type.String({ minLength: 8, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const SignUpBody = Type.Object(
  {
    workspaceName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Your company name.' }),
    name: Name,
    email: Email,
    password: Password,
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 200 }),
    workspaceId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const SwitchWorkspaceBody = Type.Object({ workspaceId: Uuid }, { additionalProperties: false });
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false });
export const AcceptInviteBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), name: Name, password: Password },
  { additionalProperties: false },
);
export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  locale: Nullable(LocaleSchema),
  timeZone: Nullable(Type.String()),
  avatar: Nullable(Type.String()),
});

export const WorkspaceSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  defaultCountry: Type.String(),
  defaultCurrency: Type.String(),
  defaultLocale: LocaleSchema,
  timeZone: Type.String(),
  createdAt: Timestamp,
});

export const SessionSchema = Type.Object({
  user: UserSchema,
  workspace: WorkspaceSchema,
  membership: Type.Object({ role: RoleSchema, status: Type.String(), teamId: Nullable(Uuid) }),
  workspaces: Type.Array(Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema })),
});

export const InvitePreviewSchema = Type.Object({ workspaceName: Type.String(), email: Type.String(), role: RoleSchema });

export const ApiKeySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the key, to recognize it.' }),
  scopes: Type.Array(Type.String()),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
});
export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    scopes: Type.Array(StringEnum(API_KEY_SCOPES), { minItems: 1, maxItems: 2 }),
  },
  { additionalProperties: false },
);
export const CreatedApiKeySchema = Type.Composite([ApiKeySchema, Type.Object({ key: Type.String({ description: 'Shown once.' }) })]);
