import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { Interaction } from '../../app/types';
import { useInteractionsChanged, type TimelineAction } from './useTimeline';

/**
 * Edit and delete for the items of one timeline: one handler for all of them (stable, so memoized pages
 * stay put) and the interaction being edited, for the timeline's single form.
 */
export function useTimelineActions() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const changed = useInteractionsChanged();
  // Kept while the form closes, so its title and values do not change under the closing animation.
  const [editing, setEditing] = useState<{ item: Interaction; open: boolean } | null>(null);
  const remove = useMutation({
    mutationFn: (item: Interaction) => api.delete(`/interactions/${item.id}`),
    onSuccess: () => {
      message.success(t('timeline.deleted'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  const { mutateAsync } = remove;
  const onAction = useCallback(
    (action: TimelineAction, item: Interaction) => {
      if (action === 'edit') return setEditing({ item, open: true });
      modal.confirm({
        title: t('timeline.deleteConfirm'),
        content: t('timeline.deleteText'),
        okText: t('common.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => mutateAsync(item),
      });
    },
    [modal, t, mutateAsync],
  );
  return { onAction, editing: editing?.item ?? null, editOpen: editing?.open ?? false, stopEditing: () => setEditing((e) => e && { ...e, open: false }) };
}
