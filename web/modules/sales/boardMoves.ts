import type { Board, Opportunity, StageTotal } from './types';

function addTo(totals: readonly StageTotal[], deal: Opportunity, sign: 1 | -1, probability: number): StageTotal[] {
  const amount = sign * deal.amount;
  const weighted = sign * Math.round((deal.amount * probability) / 100);
  const found = totals.some((t) => t.currency === deal.currency);
  const next = found ? totals.map((t) => (t.currency === deal.currency ? { ...t, amount: t.amount + amount, weighted: t.weighted + weighted } : t)) : [...totals, { currency: deal.currency, amount, weighted }];
  return next.filter((t) => t.amount !== 0 || t.weighted !== 0);
}

/**
 * The board as it will be once a deal moved to another stage (the optimistic copy): the card first in its new
 * column with that stage's probability, counts and sums of both columns adjusted.
 */
export function moveOnBoard(board: Board, deal: Opportunity, toStageId: string): Board {
  const target = board.columns.find((c) => c.stage.id === toStageId);
  if (!target || deal.stageId === toStageId) return board;
  const moved: Opportunity = { ...deal, stageId: toStageId, probability: target.stage.probability, status: target.stage.kind, forecastCategory: target.stage.forecastCategory };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage.id === deal.stageId) {
        return { ...column, count: Math.max(0, column.count - 1), totals: addTo(column.totals, deal, -1, deal.probability), cards: column.cards.filter((c) => c.id !== deal.id) };
      }
      if (column.stage.id === toStageId) {
        return { ...column, count: column.count + 1, totals: addTo(column.totals, moved, 1, moved.probability), cards: [moved, ...column.cards.filter((c) => c.id !== deal.id)] };
      }
      return column;
    }),
  };
}
