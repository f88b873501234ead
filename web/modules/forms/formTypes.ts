import type { Locale } from '../../../contracts/roles';

export const FORM_FIELD_TYPES = ['text', 'email', 'phone', 'textarea', 'select', 'checkbox'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
export const CONTACT_TARGETS = ['name', 'email', 'phone', 'company', 'title'] as const;

/** One question of a web form (server/modules/marketing/forms.schema.ts). */
export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  /** name, email, phone, company, title, `custom.<key>`, or null: the submission only. */
  mapTo: string | null;
}

export interface WebForm {
  id: string;
  name: string;
  language: Locale;
  title: string;
  intro: string | null;
  fields: FormField[];
  submitLabel: string | null;
  thankYou: string | null;
  redirectUrl: string | null;
  active: boolean;
  contactOwnerId: string | null;
  token: string;
  hostedUrl: string;
  embedCode: string;
  submissions: number;
  spam: number;
  createdAt: string;
  updatedAt: string;
}

export type FormValues = Pick<WebForm, 'name' | 'language' | 'title' | 'intro' | 'fields' | 'submitLabel' | 'thankYou' | 'redirectUrl' | 'active' | 'contactOwnerId'>;

export interface FormSubmission {
  id: string;
  values: Record<string, string | boolean | string[]>;
  contactId: string | null;
  contactAction: 'created' | 'updated' | 'matched' | null;
  spam: boolean;
  createdAt: string;
}

/** A key for a new question from its label: lower snake case of its Latin letters, else field_<n>. */
export function keyFromLabel(label: string, taken: string[]): string {
  const base = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 30);
  let key = base || 'field';
  for (let n = 2; taken.includes(key); n++) key = `${base || 'field'}_${n}`;
  return key;
}

/** The plain-HTML alternative to the iframe: a form that posts to the submission address. */
export function plainFormSnippet(form: Pick<WebForm, 'hostedUrl' | 'token' | 'fields'>): string {
  const origin = form.hostedUrl.replace(/\/f\/[^/]+$/, '');
  const inputs = form.fields.map((f) => {
    const type = f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : f.type === 'checkbox' ? 'checkbox' : 'text';
    return `  <label>${f.label} <input type="${type}" name="${f.key}"${f.required ? ' required' : ''}></label>`;
  });
  return [`<form method="post" action="${origin}/api/v1/public/forms/${form.token}/submissions">`, ...inputs, '  <input type="text" name="_website" style="display:none" tabindex="-1" autocomplete="off">', '  <button type="submit">Submit</button>', '</form>'].join('\n');
}
