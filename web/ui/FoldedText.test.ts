import { describe, expect, it } from 'vitest';
import { isLongText } from './FoldedText';

describe('isLongText', () => {
  it('folds texts of more lines than shown, or as many characters', () => {
    expect(isLongText('a\nb\nc\nd', 4)).toBe(false);
    expect(isLongText('a\nb\nc\nd\ne', 4)).toBe(true);
    expect(isLongText('x'.repeat(280), 4)).toBe(false);
    expect(isLongText('x'.repeat(281), 4)).toBe(true);
    expect(isLongText('字'.repeat(140), 4)).toBe(false);
    expect(isLongText('字'.repeat(141), 4)).toBe(true);
  });
});
