import { SearchOutlined } from '@ant-design/icons';
import { Button, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { modKeyLabel } from '../../ui/modKey';

interface SearchTriggerProps {
  /** Icon only (phones). */
  compact?: boolean;
  onOpen: () => void;
}

/** The search box of the header: opens the search palette. */
export function SearchTrigger({ compact = false, onOpen }: SearchTriggerProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const common = {
    onClick: onOpen,
    'data-testid': 'search-open',
    'aria-label': t('search.open'),
    'aria-keyshortcuts': 'Control+K Meta+K /',
  };
  if (compact) return <Button type="text" icon={<SearchOutlined />} {...common} />;
  return (
    <Button
      {...common}
      style={{
        width: 260,
        justifyContent: 'space-between',
        color: token.colorTextPlaceholder,
        background: token.colorFillTertiary,
        borderColor: 'transparent',
        marginInlineEnd: 8,
      }}
    >
      <span>
        <SearchOutlined /> {t('search.placeholderShort')}
      </span>
      <Typography.Text keyboard style={{ fontSize: 11, color: token.colorTextTertiary }}>
        {modKeyLabel()} K
      </Typography.Text>
    </Button>
  );
}
