import { BookOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ArticleDrawer } from './ArticleDrawer';
import { HitText } from './HitText';
import { useSuggestedArticles } from './useKnowledge';

/** Articles that may answer a case, from its text; one click reads one beside the case. */
export function SuggestedArticles({ text }: { text: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const suggested = useSuggestedArticles(text);
  const [reading, setReading] = useState<string | null>(null);
  const hits = suggested.data ?? [];
  return (
    <Card size="small" title={<><BookOutlined /> {t('knowledge.suggested.title')}</>} loading={suggested.isPending && suggested.fetchStatus !== 'idle'} data-testid="case-suggested-articles">
      {suggested.error && <ErrorAlert error={suggested.error} onRetry={() => void suggested.refetch()} />}
      {!suggested.error && hits.length === 0 && <Typography.Text type="secondary">{t('knowledge.suggested.none')}</Typography.Text>}
      <Flex vertical gap={8}>
        {hits.map((hit) => (
          <Typography.Link key={hit.id} onClick={() => setReading(hit.id)} data-testid="case-suggested-article">
            <HitText text={hit.title} hits={hit.titleHits} />
          </Typography.Link>
        ))}
      </Flex>
      <ArticleDrawer id={reading} onClose={() => setReading(null)} onEdit={() => navigate('/knowledge')} />
    </Card>
  );
}
