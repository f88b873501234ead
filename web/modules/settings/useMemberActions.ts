import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/roles';
import { api } from '../../app/api';

/** Change a member's role, deactivate or reactivate them; refreshes the lists after each. */
export function useMemberActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['/members'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
    onError: (err: Error) => message.error(err.message),
  };
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => api.patch(`/members/${userId}`, { role }),
    ...options,
  });
  const setActive = useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      api.post(`/members/${userId}/${active ? 'reactivate' : 'deactivate'}`),
    ...options,
  });
  return { changeRole, setActive };
}
