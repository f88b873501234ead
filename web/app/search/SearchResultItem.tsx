import { EnterOutlined } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { Link } from 'react-router-dom';
import type { SearchHit } from '../types';
import { Highlight } from '../../ui/Highlight';
import { RECORD_TYPES, UNKNOWN_TYPE_ICON, recordPath } from './recordTypes';

interface SearchResultItemProps {
  hit: SearchHit;
  /** The searched text, marked in the title and subtitle. */
  query: string;
  /** For a hit that opens a page: its option id, whether ↑ ↓ are on it, and what hovering and opening do. */
  id?: string;
  active?: boolean;
  onHover?: () => void;
  onOpen?: () => void;
}

/** One hit in the search box: icon, title, subtitle; a link to the record's page where its type has one. */
export function SearchResultItem({ hit, query, id, active = false, onHover, onOpen }: SearchResultItemProps) {
  const { token } = theme.useToken();
  const path = recordPath(hit.type, hit.id);
  const content = (
    <Flex align="center" gap={12}>
      <span style={{ color: token.colorTextSecondary, fontSize: 16 }}>{RECORD_TYPES[hit.type]?.icon ?? UNKNOWN_TYPE_ICON}</span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          <Highlight text={hit.title} query={query} />
        </Typography.Text>
        {hit.subtitle && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            <Highlight text={hit.subtitle} query={query} />
          </Typography.Text>
        )}
      </div>
      {active && <EnterOutlined style={{ color: token.colorTextTertiary }} />}
    </Flex>
  );
  const style = { display: 'block', padding: '8px 12px', borderRadius: token.borderRadius, color: token.colorText };
  if (!path) {
    return (
      <div role="option" aria-disabled="true" aria-selected={false} data-testid="search-result" style={style}>
        {content}
      </div>
    );
  }
  return (
    <Link
      to={path}
      id={id}
      role="option"
      aria-selected={active}
      data-testid="search-result"
      onMouseMove={active ? undefined : onHover}
      onClick={onOpen}
      style={{ ...style, background: active ? token.controlItemBgActive : undefined }}
    >
      {content}
    </Link>
  );
}
