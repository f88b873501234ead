import { Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { reasonName, stageName } from './salesFormat';
import type { CloseDetails, Opportunity, Stage } from './types';
import { useCloseReasons } from './useSales';

interface CloseDealModalProps {
  /** The deal and the won or lost stage it is being moved to; null while closed. */
  move: { deal: Opportunity; stage: Stage } | null;
  onClose: () => void;
  onMoved: (deal: Opportunity) => void;
}

/**
 * Asked when a deal is moved to a won or lost stage: why (one of the workspace's reasons, required for a loss
 * when there are loss reasons), whom it was lost to, and a note. Saving moves the deal.
 */
export function CloseDealModal({ move, onClose, onMoved }: CloseDealModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseDetails>();
  const reasons = useCloseReasons();
  const kind = move?.stage.kind === 'won' ? 'won' : 'lost';
  const options = (reasons.data ?? []).filter((r) => r.kind === kind && r.active).map((r) => ({ value: r.id, label: reasonName(r, t) }));
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: CloseDetails) =>
      api.patch<Opportunity>(`/opportunities/${move!.deal.id}`, {
        stageId: move!.stage.id,
        closeReasonId: values.closeReasonId ?? null,
        ...(kind === 'lost' ? { closeCompetitor: values.closeCompetitor?.trim() || null } : {}),
        closeNote: values.closeNote?.trim() || null,
      }),
    onMoved,
  );

  return (
    <Modal
      open={move !== null}
      title={move ? t(kind === 'won' ? 'sales.close.wonTitle' : 'sales.close.lostTitle', { name: move.deal.name, stage: stageName(move.stage, t) }) : null}
      okText={t(kind === 'won' ? 'sales.close.wonOk' : 'sales.close.lostOk')}
      okButtonProps={{ loading: pending, danger: kind === 'lost', 'data-testid': 'close-deal-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        reset();
        form.resetFields();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(kind === 'won' ? 'sales.close.wonText' : 'sales.close.lostText')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit}>
        <Form.Item name="closeReasonId" label={t(kind === 'won' ? 'sales.close.winReason' : 'sales.close.lossReason')} rules={[{ required: kind === 'lost' && options.length > 0 }]}>
          <Select options={options} allowClear loading={reasons.isPending} data-testid="close-reason" placeholder={t('sales.close.pickReason')} />
        </Form.Item>
        {kind === 'lost' && (
          <Form.Item name="closeCompetitor" label={t('sales.close.competitor')}>
            <Input maxLength={100} data-testid="close-competitor" />
          </Form.Item>
        )}
        <Form.Item name="closeNote" label={t('sales.close.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
