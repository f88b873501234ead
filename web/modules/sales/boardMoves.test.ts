import { describe, expect, it } from 'vitest';
import { moveOnBoard } from './boardMoves';
import type { Board, BoardColumn, Opportunity, Stage } from './types';

const stage = (id: string, probability: number, kind: Stage['kind'] = 'open'): Stage => ({ id, pipelineId: 'p', key: id, name: null, position: 0, probability, kind, forecastCategory: 'pipeline' });
const deal = (id: string, stageId: string, amount: number, probability: number, currency = 'CNY') => ({ id, stageId, amount, probability, currency, status: 'open' }) as Opportunity;
const column = (s: Stage, cards: Opportunity[], totals: BoardColumn['totals']): BoardColumn => ({ stage: s, count: cards.length, totals, cards, nextCursor: null });

const a = deal('d1', 'q', 10_000, 10);
const board: Board = {
  pipeline: { id: 'p', name: '', isDefault: true, position: 0, archivedAt: null, stages: [] },
  columns: [
    column(stage('q', 10), [a, deal('d2', 'q', 5_000, 10)], [{ currency: 'CNY', amount: 15_000, weighted: 1_500 }]),
    column(stage('n', 50), [], []),
    column(stage('lost', 0, 'lost'), [], []),
  ],
};

describe('moving a card on the board', () => {
  it('puts the card first in its new column with the stage probability, and moves its sums', () => {
    const next = moveOnBoard(board, a, 'n');
    expect(next.columns[0]!.cards.map((c) => c.id)).toEqual(['d2']);
    expect(next.columns[0]!.count).toBe(1);
    expect(next.columns[0]!.totals).toEqual([{ currency: 'CNY', amount: 5_000, weighted: 500 }]);
    expect(next.columns[1]!.cards[0]).toMatchObject({ id: 'd1', stageId: 'n', probability: 50, status: 'open' });
    expect(next.columns[1]!.totals).toEqual([{ currency: 'CNY', amount: 10_000, weighted: 5_000 }]);
  });

  it('drops a currency that sums to nothing, and marks a deal moved to lost as lost', () => {
    const one = moveOnBoard(board, a, 'lost');
    const two = moveOnBoard(one, { ...board.columns[0]!.cards[1]! }, 'lost');
    expect(two.columns[0]!.totals).toEqual([]);
    expect(two.columns[2]!.count).toBe(2);
    expect(two.columns[2]!.cards[1]!.status).toBe('lost');
  });

  it('leaves the board alone for the same stage or an unknown one', () => {
    expect(moveOnBoard(board, a, 'q')).toBe(board);
    expect(moveOnBoard(board, a, 'elsewhere')).toBe(board);
  });
});
