import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTERACTION_CHANNELS, INTERACTION_TYPES } from '../../../contracts/interactions';
import { OwnerSelect } from '../../app/OwnerSelect';
import { TYPE_LOOK } from './interactionIcons';
import type { TimelineFilters } from './useTimeline';

interface TimelineFilterBarProps {
  value: TimelineFilters;
  onChange: (value: TimelineFilters) => void;
}

/** Narrows a timeline to one type, one channel, one owner. */
export function TimelineFilterBar({ value, onChange }: TimelineFilterBarProps) {
  const { t } = useTranslation();
  const set = (patch: TimelineFilters) => onChange({ ...value, ...patch });
  const active = Object.values(value).some(Boolean);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Select
        allowClear
        value={value.type}
        onChange={(type) => set({ type })}
        placeholder={t('timeline.filters.allTypes')}
        aria-label={t('timeline.fields.type')}
        style={{ width: 140 }}
        data-testid="timeline-filter-type"
        options={INTERACTION_TYPES.map((type) => ({
          value: type,
          label: (
            <span>
              <span style={{ color: TYPE_LOOK[type].color, marginInlineEnd: 6 }}>{TYPE_LOOK[type].icon}</span>
              {t(`timeline.types.${type}`)}
            </span>
          ),
        }))}
      />
      <Select
        allowClear
        value={value.channel}
        onChange={(channel) => set({ channel })}
        placeholder={t('timeline.filters.allChannels')}
        aria-label={t('timeline.fields.channel')}
        style={{ width: 140 }}
        data-testid="timeline-filter-channel"
        options={INTERACTION_CHANNELS.map((channel) => ({ value: channel, label: t(`timeline.channels.${channel}`) }))}
      />
      <OwnerSelect
        allowClear
        value={value.ownerId ?? null}
        onChange={(ownerId) => set({ ownerId: ownerId ?? undefined })}
        placeholder={t('timeline.filters.allOwners')}
        style={{ width: 170 }}
        testId="timeline-filter-owner"
      />
      {active && (
        <Button type="link" onClick={() => onChange({})} data-testid="timeline-filters-clear">
          {t('timeline.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
