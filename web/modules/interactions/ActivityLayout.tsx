import { Card, Col, Flex, Row, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ScheduleMeetingButton } from '../calendar/ScheduleMeetingButton';
import { TasksPanel } from '../tasks/TasksPanel';
import { LogInteractionButton } from './LogInteractionButton';
import { Timeline } from './Timeline';
import type { TimelineRecord } from './useTimeline';

interface ActivityLayoutProps {
  record: TimelineRecord;
  /** Tabs after the timeline (details, history), each `?tab=<key>` in the URL. */
  tabs: { key: string; label: string; children: ReactNode }[];
  /** Under the tasks in the side column: the record's related records. */
  side: ReactNode;
}

/**
 * The body of a 360 page: the timeline (with "log interaction", also the `l` key) and the record's other
 * tabs on the left; its open tasks and related records on the right (below on narrow screens).
 */
export function ActivityLayout({ record, tabs, side }: ActivityLayoutProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [logging, setLogging] = useState(false);
  const keys = ['timeline', ...tabs.map((tab) => tab.key)];
  const active = keys.includes(params.get('tab') ?? '') ? params.get('tab')! : 'timeline';
  const label = (key: string, text: string) => <span data-testid={`${record.recordType}-tab-${key}`}>{text}</span>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={active}
            onChange={(key) => setParams(key === 'timeline' ? {} : { tab: key }, { replace: true })}
            tabBarExtraContent={
              <Flex gap={8}>
                {record.recordType === 'contact' && <ScheduleMeetingButton contact={{ id: record.recordId, name: record.name }} />}
                <LogInteractionButton record={record} open={logging} onOpenChange={setLogging} />
              </Flex>
            }
            items={[
              { key: 'timeline', label: label('timeline', t('timeline.title')), children: <Timeline record={record} onLog={() => setLogging(true)} /> },
              ...tabs.map((tab) => ({ key: tab.key, label: label(tab.key, tab.label), children: tab.children })),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <TasksPanel record={record} />
          {side}
        </Flex>
      </Col>
    </Row>
  );
}
