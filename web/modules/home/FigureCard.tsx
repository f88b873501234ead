import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useFormat } from '../../app/useFormat';
import type { Count } from './useHomeFigures';

interface FigureCardProps {
  title: ReactNode;
  icon: ReactNode;
  count: Count | undefined;
  loading: boolean;
  to: string;
  testId: string;
}

/** One key figure, linking to its list. */
export function FigureCard({ title, icon, count, loading, to, testId }: FigureCardProps) {
  const format = useFormat();
  const value = count ? `${format.number(count.value)}${count.more ? '+' : ''}` : '—';
  return (
    <Link to={to}>
      <Card hoverable loading={loading}>
        <Statistic title={title} value={value} prefix={icon} data-testid={testId} />
      </Card>
    </Link>
  );
}
