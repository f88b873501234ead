import { describe, expect, it } from 'vitest';
import { draftProblems, moveItem, toDrafts, toStagesBody } from './stageDrafts';
import type { Stage } from '../types';

const stage = (id: string, key: string | null, name: string | null, kind: Stage['kind']): Stage => ({ id, pipelineId: 'p', key, name, position: 0, probability: 10, kind, forecastCategory: 'pipeline' });

describe('stage editor drafts', () => {
  it('sends built-in stages without a name (still translated), renamed and new ones with theirs', () => {
    const drafts = toDrafts([stage('s1', 'qualification', null, 'open'), stage('s2', 'won', '签约', 'won')]);
    drafts.push({ rowKey: 'new-1', key: null, name: ' 试点 ', probability: 60, kind: 'open', forecastCategory: 'best_case' });
    expect(toStagesBody(drafts).stages).toEqual([
      { id: 's1', name: null, probability: 10, kind: 'open', forecastCategory: 'pipeline' },
      { id: 's2', name: '签约', probability: 10, kind: 'won', forecastCategory: 'pipeline' },
      { name: '试点', probability: 60, kind: 'open', forecastCategory: 'best_case' },
    ]);
  });

  it('moves a stage up or down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds an unnamed new stage and a pipeline without a lost stage', () => {
    const drafts = toDrafts([stage('s1', 'qualification', null, 'open'), stage('s2', null, 'Won', 'won')]);
    expect(draftProblems(drafts)).toEqual(['needsKinds']);
    drafts.push({ rowKey: 'n', key: null, name: ' ', probability: 0, kind: 'lost', forecastCategory: 'omitted' });
    expect(draftProblems(drafts)).toEqual(['unnamed']);
  });
});
