import { Typography } from 'antd';
import { useFormat } from '../../app/useFormat';
import type { ProductPrice } from './types';

/** A product's list prices, one per currency (the workspace's currency first when it has one). */
export function ListPrice({ prices, currency }: { prices: readonly ProductPrice[]; currency?: string }) {
  const format = useFormat();
  if (prices.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const ordered = [...prices].sort((a, b) => Number(b.currency === currency) - Number(a.currency === currency));
  return <span>{ordered.map((p) => format.money(p.unitPrice, p.currency)).join(' · ')}</span>;
}
