import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ResultModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  afterClose: () => void;
  /** Whether the answer is shown (in place of the form): then only "done" (and `resultActions`) close it. */
  showingResult: boolean;
  submit: { label: ReactNode; testId: string; pending: boolean; onClick: () => void };
  done: { label: ReactNode; testId: string };
  /** More buttons beside "done" under the answer ("invite another"). */
  resultActions?: ReactNode[];
  /** A secret on screen: a click beside the dialog must not close it. */
  keepOpenOnMaskClick?: boolean;
  width?: number;
  children: ReactNode;
}

/**
 * A dialog whose form is replaced by the server's answer once sent (an API key, a webhook's secret, an invite
 * link): cancel/submit under the form, "done" under the answer.
 */
export function ResultModal({ open, title, onClose, afterClose, showingResult, submit, done, resultActions = [], keepOpenOnMaskClick, width, children }: ResultModalProps) {
  const { t } = useTranslation();
  const footer = showingResult
    ? [
        ...resultActions,
        <Button key="done" type="primary" onClick={onClose} data-testid={done.testId}>
          {done.label}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={submit.pending} onClick={submit.onClick} data-testid={submit.testId}>
          {submit.label}
        </Button>,
      ];
  return (
    <Modal open={open} title={title} onCancel={onClose} afterClose={afterClose} footer={footer} mask={keepOpenOnMaskClick && showingResult ? { closable: false } : undefined} width={width} forceRender>
      {children}
    </Modal>
  );
}
