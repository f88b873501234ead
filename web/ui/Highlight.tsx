import { theme } from 'antd';
import { Fragment } from 'react';

interface HighlightProps {
  text: string;
  /** What was searched for: each of its words is marked wherever it occurs, ignoring case. */
  query: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with the words of `query` marked. */
export function Highlight({ text, query }: HighlightProps) {
  const { token } = theme.useToken();
  const words = query.trim().split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
  if (words.length === 0) return <>{text}</>;
  // A capturing group keeps the matches in split()'s result, at the odd indexes.
  const parts = text.split(new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} style={{ background: token.colorWarningBgHover, color: 'inherit', padding: 0, borderRadius: 2 }}>
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
