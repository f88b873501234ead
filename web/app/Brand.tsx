import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The product mark: Guanxi 关系 (關係 in Traditional Chinese). */
export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" aria-label={t('brand.name')}>
      <Flex align="center" justify={collapsed ? 'center' : 'flex-start'} gap={8} style={{ height: 56, padding: '0 20px' }}>
        <span
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 28,
            height: 28,
            borderRadius: 6,
            background: '#1677ff',
            color: '#fff',
            fontWeight: 600,
            flex: 'none',
          }}
        >
          {t('brand.mark')}
        </span>
        {!collapsed && (
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('brand.name')}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}
