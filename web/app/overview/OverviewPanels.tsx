import { Badge, Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordRows } from '../../ui/RecordRows';
import { recordPath } from '../search/recordTypes';
import type { OverviewPanel } from '../types';

interface OverviewPanelsProps {
  panels: OverviewPanel[];
  /** A panel shown in its own way (with actions), by key; the others are plain lists. */
  custom?: Record<string, ReactNode>;
  /** One under the other (a side column), instead of two abreast. */
  stacked?: boolean;
}

/** The panels of a 360-degree view: each a list of related records linking to their pages. */
export function OverviewPanels({ panels, custom = {}, stacked = false }: OverviewPanelsProps) {
  const { t } = useTranslation();
  // A subtitle may carry a stored value (a contact's role): shown translated when it is one.
  const subtitle = (text: string | null) =>
    text
      ?.split(' · ')
      .map((part) => t(`accounts.roles.${part}`, { defaultValue: part }))
      .join(' · ');
  return (
    <Row gutter={[16, 16]}>
      {panels.map((panel) => (
        <Col key={panel.key} xs={24} lg={stacked ? 24 : 12}>
          {custom[panel.key] ?? (
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
                  return { key: item.id, title: path ? <Link to={path}>{item.title}</Link> : item.title, subtitle: subtitle(item.subtitle) };
                })}
              />
            </Card>
          )}
        </Col>
      ))}
    </Row>
  );
}
