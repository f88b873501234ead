import { describe, expect, it } from 'vitest';
import { editorValue, failuresOf, mergeResults } from './bulkResults';

describe('bulk results', () => {
  it('merges chunked answers with indexes over all items', () => {
    const merged = mergeResults([
      { succeeded: 1, failed: 1, results: [{ index: 0, status: 200, id: 'a' }, { index: 1, status: 403, code: 'FORBIDDEN', message: 'Not yours' }] },
      { succeeded: 0, failed: 1, results: [{ index: 0, status: 404, code: 'NOT_FOUND' }] },
    ]);
    expect(merged.succeeded).toBe(1);
    expect(merged.failed).toBe(2);
    expect(merged.results.map((r) => r.index)).toEqual([0, 1, 2]);
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(failuresOf(merged, ['a', 'b', 'c'], rows)).toEqual([
      { row: { id: 'b' }, message: 'Not yours' },
      { row: { id: 'c' }, message: 'NOT_FOUND' },
    ]);
  });

  it('turns editor strings into JSON values', () => {
    expect(editorValue('number', '12.5')).toBe(12.5);
    expect(editorValue('boolean', 'false')).toBe(false);
    expect(editorValue('select', '')).toBeNull();
    expect(editorValue('text', 'x')).toBe('x');
  });
});
