import { Badge, Card, Col, Flex, Row, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRows } from '../../ui/RecordRows';
import { recordPath } from '../search/recordTypes';
import type { OverviewPanel } from '../types';
import { useFormat } from '../useFormat';
import './modulePanels';
import { overviewPanelFor, type OverviewPanelProps } from './panelRegistry';

interface OverviewPanelsProps {
  /** The record whose view this is. */
  recordType: OverviewPanelProps['recordType'];
  recordId: string;
  panels: OverviewPanel[];
  /** A panel of the page's own module shown in its own way, by key; modules register theirs (panelRegistry). */
  custom?: Record<string, ReactNode>;
  /** One under the other (a side column), instead of two abreast. */
  stacked?: boolean;
}

/** The panels of a 360-degree view: each a list of related records linking to their pages. */
export function OverviewPanels({ recordType, recordId, panels, custom = {}, stacked = false }: OverviewPanelsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // A subtitle may carry a stored value (a contact's role): shown translated when it is one.
  const subtitle = (text: string | null) =>
    text
      ?.split(' · ')
      .map((part) => t(`accounts.roles.${part}`, { defaultValue: part }))
      .join(' · ');
  const details = (panel: OverviewPanel, item: OverviewPanel['items'][number]) => {
    const parts = [item.amount && format.money(item.amount.value, item.amount.currency), item.at && format.day(item.at), subtitle(item.subtitle)].filter(Boolean);
    if (!item.status && !parts.length) return null;
    return (
      <Flex component="span" gap={6} align="center" wrap>
        {item.status && <Tag>{t(`overview.status.${panel.recordType}.${item.status}`, { defaultValue: item.status })}</Tag>}
        {parts.join(' · ')}
      </Flex>
    );
  };
  const generic = (panel: OverviewPanel) => (
    <Card
      size="small"
      data-testid={`panel-${panel.key}`}
      title={
        <>
          {t(`overview.panels.${panel.key}`, { defaultValue: panel.key })} <Badge count={panel.total} showZero color="gray" />
        </>
      }
    >
      <RecordRows
        empty={t('overview.empty')}
        rows={panel.items.map((item) => {
          const path = recordPath(panel.recordType, item.id);
          return { key: item.id, title: path ? <Link to={path}>{item.title}</Link> : item.title, subtitle: details(panel, item) };
        })}
      />
    </Card>
  );
  return (
    <Row gutter={[16, 16]}>
      {panels.map((panel) => {
        const ModulePanel = overviewPanelFor(panel.key);
        return (
          <Col key={panel.key} xs={24} lg={stacked ? 24 : 12}>
            {custom[panel.key] ?? (ModulePanel ? <ModulePanel recordType={recordType} recordId={recordId} total={panel.total} /> : generic(panel))}
          </Col>
        );
      })}
    </Row>
  );
}
