import { theme } from 'antd';
import type { Hit } from './types';

/** Text with the server's match ranges (UTF-16 offsets) marked. */
export function HitText({ text, hits }: { text: string; hits: Hit[] }) {
  const { token } = theme.useToken();
  const parts: React.ReactNode[] = [];
  let at = 0;
  hits.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={i} style={{ background: token.colorWarningBgHover, color: 'inherit', padding: 0, borderRadius: 2 }}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  });
  parts.push(text.slice(at));
  // One element: inside a flex row, loose fragments would each become a spaced item.
  return <span>{parts}</span>;
}
