import { Type } from '@sinclair/typebox';
import { Email, ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas.js';
import { LocaleSchema, RoleSchema } from '../auth/auth.schema.js';

export const MemberSchema = Type.Object({
  userId: Uuid,
  email: Type.String(),
  name: Type.String(),
  avatar: Nullable(Type.String()),
  role: RoleSchema,
  status: StringEnum(['active', 'deactivated'] as const),
  teamId: Nullable(Uuid),
  createdAt: Timestamp,
});

export const MemberListQuery = ListQuery;
export const UpdateMemberBody = Type.Object(
  { role: Type.Optional(RoleSchema), teamId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);

export const InviteSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: RoleSchema,
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export const CreatedInviteSchema = Type.Composite([InviteSchema, Type.Object({ url: Type.String({ description: 'The invitation link; shown once.' }) })]);
export const CreateInviteBody = Type.Object({ email: Email, role: RoleSchema }, { additionalProperties: false });

const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. CN' });
const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. CNY' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' });

export const UpdateWorkspaceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    defaultCountry: Type.Optional(CountryCode),
    defaultCurrency: Type.Optional(CurrencyCode),
    defaultLocale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZone),
  },
  { additionalProperties: false },
);

/** A profile photo as a data URL (PNG, JPEG or WebP), at most ~300 KB. */
const Avatar = Type.String({ pattern: '^data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$', maxLength: 400_000 });

export const UpdateProfileBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    locale: Type.Optional(Nullable(LocaleSchema)),
    timeZone: Type.Optional(Nullable(TimeZone)),
    avatar: Type.Optional(Nullable(Avatar)),
  },
  { additionalProperties: false },
);

export const TeamSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  managerId: Nullable(Uuid),
  region: Nullable(Type.String()),
  createdAt: Timestamp,
});
const teamFields = {
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  managerId: Nullable(Uuid),
  region: Nullable(Type.String({ maxLength: 100, description: 'Regional office or territory.' })),
};
export const CreateTeamBody = Type.Composite([Type.Object({ name: teamFields.name }), Type.Partial(Type.Object({ managerId: teamFields.managerId, region: teamFields.region }))], { additionalProperties: false });
export const UpdateTeamBody = Type.Partial(Type.Object(teamFields), { additionalProperties: false });
