import { ToolOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api';
import type { Page } from '../../../app/types';
import { useCaseTypes } from '../cases/useCases';
import type { WorkOrder } from './types';

/**
 * On a repair case: its latest work order (opened where the dispatch panel ranks the stations), or a button making
 * one. Nothing on other types of case.
 */
export function CreateWorkOrderButton({ caseId, typeId }: { caseId: string; typeId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const repair = (useCaseTypes().data ?? []).find((x) => x.key === 'repair');
  const isRepair = Boolean(repair && repair.id === typeId);
  const existing = useQuery({
    queryKey: ['/work-orders', 'case', caseId],
    enabled: isRepair,
    queryFn: ({ signal }) => api.get<Page<WorkOrder>>('/work-orders', { filter: [`caseId:eq:${caseId}`], limit: 1 }, signal).then((r) => r.data[0] ?? null),
  });
  const create = useMutation({
    mutationFn: () => api.post<WorkOrder>('/work-orders', { caseId }),
    onSuccess: (order) => void navigate(`/work-orders?id=${order.id}`),
    onError: (err) => void message.error(err.message),
  });
  if (!isRepair) return null;
  const order = existing.data;
  if (order && order.status !== 'cancelled') {
    return (
      <Button icon={<ToolOutlined />} onClick={() => void navigate(`/work-orders?id=${order.id}`)} data-testid="case-work-order">
        {t('field.openFromCase', { number: order.numberText, status: t(`field.statuses.${order.status}`) })}
      </Button>
    );
  }
  return (
    <Button icon={<ToolOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid="create-work-order">
      {t('field.createFromCase')}
    </Button>
  );
}
