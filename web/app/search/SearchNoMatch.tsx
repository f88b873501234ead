import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';

interface SearchNoMatchProps {
  /** What was searched for. */
  text: string;
  /** Offer to create a contact of that name (when the role may create records). */
  onCreate?: () => void;
}

/** Nothing found: say so, and offer a new contact with the searched name. */
export function SearchNoMatch({ text, onCreate }: SearchNoMatchProps) {
  const { t } = useTranslation();
  return (
    <EmptyState
      testId="search-empty"
      title={t('search.noMatch', { q: text })}
      description={t('search.noMatchText')}
      action={
        onCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="search-create">
            {t('search.createContact', { name: text })}
          </Button>
        )
      }
    />
  );
}
