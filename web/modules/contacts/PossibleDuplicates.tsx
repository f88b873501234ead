import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '../../app/types';

/** Before saving a new contact: the existing ones it may be, each with a link; saving again saves anyway. */
export function PossibleDuplicates({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="contact-duplicates"
      title={t('duplicates.mayExist')}
      description={
        <>
          {matches.map((m) => (
            <div key={m.contact.id}>
              <Link to={`/contacts/${m.contact.id}`} target="_blank" data-testid="contact-duplicate-link">
                {m.contact.name}
              </Link>
              <Typography.Text type="secondary">
                {' '}
                {[m.contact.company, m.contact.email].filter(Boolean).join(' · ')} ·{' '}
                {m.reasons.map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r })).join('、')} ({Math.round(m.score * 100)}%)
              </Typography.Text>
            </div>
          ))}
          <Typography.Text type="secondary">{t('duplicates.saveAnywayHint')}</Typography.Text>
        </>
      }
    />
  );
}
