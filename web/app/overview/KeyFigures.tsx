import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewFigure } from '../types';
import { useFormat } from '../useFormat';

/** The key figures at the top of a 360-degree view: counts, money and dates, each titled by its key. */
export function KeyFigures({ figures }: { figures: OverviewFigure[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!figures.length) return null;
  const shown = (f: OverviewFigure): string => {
    if (f.value === null || f.value === '') return '—';
    if (f.format === 'money' && typeof f.value === 'number') return format.money(f.value, f.currency ?? 'CNY');
    if (f.format === 'date') return format.date(f.value);
    if (typeof f.value === 'number') return format.number(f.value);
    return String(f.value);
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="key-figures">
      {figures.map((f) => (
        // Dates need more room than counts: six figures still fit one row of a laptop screen.
        <Col key={f.key} flex={f.format === 'date' ? '2 1 200px' : '1 1 120px'}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t(`overview.figures.${f.key}`, { defaultValue: f.key })}
              value={shown(f)}
              styles={{ content: { fontSize: f.format === 'date' ? 18 : 20, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
              data-testid={`figure-${f.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
