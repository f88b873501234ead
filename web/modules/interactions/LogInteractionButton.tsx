import { PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKeyShortcut } from '../../app/useKeyShortcut';
import { LogInteractionModal } from './LogInteractionModal';
import type { TimelineRecord } from './useTimeline';

interface LogInteractionButtonProps {
  record: TimelineRecord;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** "Log interaction" on a 360 page, also with the `l` key; the timelines and figures refresh after a save. */
export function LogInteractionButton({ record, open, onOpenChange }: LogInteractionButtonProps) {
  const { t } = useTranslation();
  useKeyShortcut('l', () => onOpenChange(true), !open);
  return (
    <>
      <Tooltip
        title={
          <>
            {t('timeline.shortcut')} <Typography.Text keyboard style={{ color: 'inherit' }}>L</Typography.Text>
          </>
        }
      >
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onOpenChange(true)} data-testid="log-interaction">
          {t('timeline.log')}
        </Button>
      </Tooltip>
      <LogInteractionModal open={open} record={record} onClose={() => onOpenChange(false)} />
    </>
  );
}
