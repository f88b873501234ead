import { ToolOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import type { WorkOrder } from './types';

/** On a repair case: makes its work order and opens it, where the dispatch panel ranks the stations. */
export function CreateWorkOrderButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.post<WorkOrder>('/work-orders', { caseId }),
    onSuccess: (order) => void navigate(`/work-orders?id=${order.id}`),
    onError: (err) => void message.error(err.message),
  });
  return (
    <Button icon={<ToolOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid="create-work-order">
      {t('field.createFromCase')}
    </Button>
  );
}
