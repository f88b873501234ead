import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A price book's name linking to its prices, tagged when it is its currency's default or inactive. */
export function PriceBookLink({ id, name, isDefault, active }: { id: string; name: string; isDefault: boolean; active: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center">
      <Link to={`/price-books/${id}`}>{name}</Link>
      {isDefault && <Tag color="blue">{t('catalog.priceBooks.default')}</Tag>}
      {!active && <Tag>{t('catalog.inactive')}</Tag>}
    </Flex>
  );
}
