import { Type } from '@sinclair/typebox';
import { FIELD_ERROR_CODES } from '../../../contracts/errors.js';
import { ListQuery, StringEnum } from '../../platform/http/schemas.js';
import { CONTACT_EXPORT_FORMATS, TABLE_FORMATS } from './export.service.js';

const { sort, filter, filterLogic } = ListQuery.properties;
const VCARD_VERSIONS = ['3.0', '4.0'] as const;

export const ContactExportQuery = Type.Object(
  {
    format: Type.Optional(StringEnum(CONTACT_EXPORT_FORMATS, { default: 'csv', description: 'csv (UTF-8 with BOM, opens in Excel), xlsx or vcf (vCard).' })),
    version: Type.Optional(StringEnum(VCARD_VERSIONS, { default: '3.0', description: 'vCard version, for format=vcf.' })),
    sort,
    filter,
    filterLogic,
  },
  { additionalProperties: false },
);

export const AccountExportQuery = Type.Object(
  { format: Type.Optional(StringEnum(TABLE_FORMATS, { default: 'csv', description: 'csv (UTF-8 with BOM, opens in Excel) or xlsx.' })), sort, filter, filterLogic },
  { additionalProperties: false },
);

/** The file itself, for the OpenAPI document (the body is streamed, not serialized). */
export const fileResponse = (contentTypes: string[]) => ({
  description: 'The file, as an attachment named in the caller’s language.',
  content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
});

/** 2 MiB of vCard text. */
export const VCARD_IMPORT_MAX_LENGTH = 2 * 1024 * 1024;
export const VCardImportBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: VCARD_IMPORT_MAX_LENGTH, description: 'The content of a .vcf file (vCard 2.1, 3.0 or 4.0), one or many cards.' }) },
  { additionalProperties: false },
);

export const VCardImportResultSchema = Type.Object({
  created: Type.Integer({ description: 'Contacts created.' }),
  skipped: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position of the card in the file, from 0.' }),
      field: Type.Optional(StringEnum(['name', 'company', 'title', 'email', 'phone'] as const)),
      reason: StringEnum(FIELD_ERROR_CODES),
    }),
    { description: 'Cards not imported (field name: required or maxLength), and values left out of imported cards (e.g. an unreadable phone).' },
  ),
});
