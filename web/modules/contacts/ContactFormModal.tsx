import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { canAssignOwners } from '../../app/permissions';
import type { Contact, DuplicateMatch } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { formatPhone } from '../../ui/phone';
import { changedFields, filledFields, type ContactValues } from './contactValues';
import { OwnerSelect } from '../../app/OwnerSelect';
import { PossibleDuplicates } from './PossibleDuplicates';

interface ContactFormModalProps {
  open: boolean;
  /** The contact to change; without it the form creates a new one. */
  contact?: Contact;
  /** Prefilled fields of a new contact, e.g. the name typed into the search box. */
  initialValues?: Partial<ContactValues>;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}

/** Create or change a contact: name, company, title, e-mail, phone, and the owner where the role may choose one. */
export function ContactFormModal({ open, contact, initialValues, onClose, onSaved }: ContactFormModalProps) {
  const { t } = useTranslation();
  const { user, workspace, membership } = useCurrentSession();
  const [form] = Form.useForm<ContactValues>();
  const country = workspace.defaultCountry;
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: ContactValues) => {
      if (!contact) return api.post<Contact>('/contacts', filledFields(values));
      const patch = changedFields(contact, values, country);
      // Nothing changed: no request, no audit entry.
      return Object.keys(patch).length ? api.patch<Contact>(`/contacts/${contact.id}`, patch) : Promise.resolve(contact);
    },
    onSaved,
  );
  // A new contact is first checked against the existing ones; shown likely duplicates, saving again saves anyway.
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [checking, setChecking] = useState(false);
  const onFinish = async (values: ContactValues) => {
    if (!contact && matches.length === 0) {
      setChecking(true);
      const { name, company, email, phone } = filledFields(values);
      const found = await api
        .post<{ data: DuplicateMatch[] }>('/contacts/duplicates', { name, company, email, phone })
        .then((res) => res.data, () => []) // the check is a help: when it fails, saving goes on
        .finally(() => setChecking(false));
      if (found.length) {
        setMatches(found);
        return;
      }
    }
    submit(values);
  };

  const startValues: Partial<ContactValues> = contact
    ? {
        name: contact.name,
        company: contact.company ?? '',
        title: contact.title ?? '',
        email: contact.email ?? '',
        phone: contact.phone ? formatPhone(contact.phone) : '',
        ownerId: contact.ownerId,
      }
    : { ownerId: user.id, ...initialValues };

  return (
    <Modal
      open={open}
      title={contact ? t('contacts.edit') : t('contacts.add')}
      okText={matches.length ? t('duplicates.saveAnyway') : t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending || checking, 'data-testid': 'contact-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={() => {
        reset();
        setMatches([]);
      }}
      // A fresh form each time it opens: the values of the contact (or the prefill) as they are now.
      destroyOnHidden
    >
      <FormAlert message={error} />
      {matches.length > 0 && <PossibleDuplicates matches={matches} />}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={(values) => void onFinish(values)} initialValues={startValues}>
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }]}>
          <Input name="name" autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="company" label={t('fields.company')}>
          <Input name="company" autoComplete="organization" maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={t('fields.jobTitle')}>
          <Input name="title" autoComplete="organization-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email' }]}>
          <Input name="email" type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} extra={t('contacts.phoneHint')}>
          <Input name="phone" type="tel" autoComplete="off" maxLength={40} />
        </Form.Item>
        {canAssignOwners(membership.role) && (
          <Form.Item name="ownerId" label={t('fields.ownerId')}>
            <OwnerSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
