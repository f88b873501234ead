import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { FORM_FIELD_TYPES } from './forms.tables.js';

const Text = (max: number, description?: string) => Nullable(Type.String({ maxLength: max, ...(description ? { description } : {}) }));

export const FormFieldSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Name of the answer: lower snake case, unique in the form (`company`, `budget`).' }),
    label: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'The question as shown.' }),
    type: StringEnum(FORM_FIELD_TYPES),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100, description: 'Choices of a select.' })),
    mapTo: Nullable(
      Type.String({
        maxLength: 60,
        pattern: '^(name|email|phone|company|title|custom\\.[a-z][a-z0-9_]*)$',
        description: 'Where the answer goes on the contact: name, email, phone, company, title or `custom.<key>`; null keeps it in the submission only.',
      }),
    ),
  },
  { additionalProperties: false },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Name among the forms; the subject of the timeline entries it makes.' }),
  language: StringEnum(LOCALES, { description: 'Language of the hosted page and its messages.' }),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Heading of the hosted page.' }),
  intro: Text(2000, 'Text under the heading.'),
  fields: Type.Array(FormFieldSchema, { minItems: 1, maxItems: 50 }),
  submitLabel: Text(60, 'Text of the submit button; default "Submit" in the form’s language.'),
  thankYou: Text(2000, 'Shown after a submission; default "Thank you" in the form’s language.'),
  redirectUrl: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'Where the visitor goes after a submission, instead of the thank-you text.' })),
  active: Type.Boolean({ description: 'Inactive forms answer 404 to the public.' }),
  contactOwnerId: Nullable(Uuid),
};

export const FormSchema = Type.Object({
  id: Uuid,
  ...fields,
  fields: Type.Array(Type.Object({ ...FormFieldSchema.properties })),
  token: Type.String({ description: 'Public part of the hosted page’s URL.' }),
  hostedUrl: Type.String({ description: 'The hosted page.' }),
  embedCode: Type.String({ description: 'An iframe snippet for any web page.' }),
  submissions: Type.Integer({ description: 'Submissions, spam not counted.' }),
  spam: Type.Integer({ description: 'Submissions dropped as spam (honeypot).' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const { name, language, title, fields: formFields, ...optional } = fields;
export const CreateFormBody = Type.Composite([Type.Object({ name, language, title, fields: formFields }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateFormBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

const Value = Type.Union([Type.String({ maxLength: 10_000 }), Type.Boolean(), Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 100 })]);

export const SubmissionSchema = Type.Object({
  id: Uuid,
  values: Type.Record(Type.String(), Value),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  contactId: Nullable(Uuid),
  contactAction: Nullable(Type.String({ description: 'created, updated (blank fields filled), matched (nothing to fill)' })),
  interactionId: Nullable(Uuid),
  spam: Type.Boolean(),
  createdAt: Timestamp,
});

export const TokenParams = Type.Object({ token: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

/** The honeypot's input name on the hosted page and in form posts; people leave it empty. */
export const HONEYPOT = '_website';

export const SubmissionBody = Type.Object(
  {
    values: Type.Record(Type.String({ maxLength: 40 }), Value, { description: 'Answers by field key; a checkbox is true/false (or "on" from a form post).' }),
    honeypot: Type.Optional(Type.String({ maxLength: 1000, description: 'The hidden input people leave empty; filled, the submission is dropped as spam (answered 200 all the same).' })),
  },
  { additionalProperties: false },
);
export const SubmissionQuery = Type.Object({ embed: Type.Optional(Type.Boolean({ description: 'A form post from the embedded page: its thank-you page stays embedded.' })) }, { additionalProperties: false });

export const SubmissionResultSchema = Type.Object({
  thankYou: Type.String(),
  redirectUrl: Nullable(Type.String()),
});

export const PublicFormSchema = Type.Object({
  token: Type.String(),
  language: StringEnum(LOCALES),
  workspaceName: Type.String(),
  title: Type.String(),
  intro: Nullable(Type.String()),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), type: StringEnum(FORM_FIELD_TYPES), required: Type.Boolean(), options: Type.Optional(Type.Array(Type.String())) })),
  submitLabel: Type.String(),
  honeypot: Type.String({ description: 'Name of the hidden input to leave empty.' }),
  submitUrl: Type.String(),
});
