import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import type { Contact } from '../../app/types';
import { useContactsChanged } from './useContactsChanged';

/** Deletes a contact, then goes back to the list. */
export function useDeleteContact(contact: Contact | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const contactsChanged = useContactsChanged();
  return useMutation({
    mutationFn: () => api.delete(`/contacts/${contact!.id}`),
    onSuccess: () => {
      message.success(t('contacts.deleted', { name: contact!.name }));
      void navigate('/contacts', { replace: true });
      contactsChanged(contact!.id);
      // Stale, but not asked for again while the page is still leaving: only a later visit reloads it (404).
      void queryClient.invalidateQueries({ queryKey: ['/contacts', contact!.id], exact: true, refetchType: 'none' });
    },
    onError: (err) => message.error(err instanceof Error ? err.message : t('common.unexpectedError')),
  });
}
