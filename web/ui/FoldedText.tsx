import { Typography, theme } from 'antd';
import { useState, type CSSProperties } from 'react';

interface FoldedTextProps {
  /** Plain text as typed: shown as text (never markup), line breaks kept. */
  text: string;
  /** Lines shown while folded. */
  lines?: number;
  moreLabel: string;
  lessLabel: string;
  style?: CSSProperties;
  testId?: string;
}

/**
 * Whether a text is long enough to fold: more lines than shown, or about that many lines of characters
 * (70 Latin ones a line; a Chinese character is as wide as two).
 */
export function isLongText(text: string, lines: number): boolean {
  if (text.split('\n').length > lines) return true;
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width > lines * 70;
}

/**
 * A long plain text folded to a few lines with "more" / "less". Folds with CSS line clamping, not by
 * measuring, so a feed of thousands of texts costs no layout work per item.
 */
export function FoldedText({ text, lines = 4, moreLabel, lessLabel, style, testId }: FoldedTextProps) {
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const long = isLongText(text, lines);
  const clamp: CSSProperties = long && !open ? { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: lines, overflow: 'hidden' } : {};
  return (
    <div style={style} data-testid={testId}>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', ...clamp }}>{text}</div>
      {long && (
        <Typography.Link onClick={() => setOpen(!open)} style={{ fontSize: token.fontSizeSM }}>
          {open ? lessLabel : moreLabel}
        </Typography.Link>
      )}
    </div>
  );
}
