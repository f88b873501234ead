import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { portalPath, usePortalHome, usePortalKey } from './usePortal';
import { usePortalFormat } from './usePortalFormat';

interface Hit {
  id: string;
  title: string;
  snippet: string;
  updatedAt: string;
}
interface Article {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

/** /portal/:key/help — the public knowledge base: search in the reader's language, read an article. No sign-in needed. */
export function PortalHelp() {
  const { t } = useTranslation();
  const key = usePortalKey();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const articleId = params.get('article');
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860, margin: '0 auto' }} data-testid="portal-help">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('portal.help.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('portal.help.subtitle')}</Typography.Text>
      </div>
      <Input.Search
        size="large"
        allowClear
        enterButton={t('portal.help.search')}
        placeholder={t('portal.help.placeholder')}
        defaultValue={q}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        data-testid="portal-help-search"
      />
      {articleId ? <ArticleView id={articleId} onBack={() => setParams(q ? { q } : {})} /> : <Results q={q} onOpen={(id) => setParams({ ...(q ? { q } : {}), article: id })} />}
      <StillNeedHelp portalKey={key} />
    </Flex>
  );
}

function Results({ q, onOpen }: { q: string; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const key = usePortalKey();
  const hits = useQuery({ queryKey: ['portal', key, 'articles', q, i18n.language], queryFn: ({ signal }) => api.get<{ data: Hit[] }>(`${portalPath(key)}/articles`, { q }, signal), enabled: q.length > 0 });
  if (!q) return <EmptyState title={t('portal.help.search')} description={t('portal.help.empty')} testId="portal-help-empty" />;
  if (hits.isLoading) return <Spin />;
  if (hits.error) return <ErrorAlert error={hits.error} />;
  if (!hits.data?.data.length) return <EmptyState title={t('portal.help.search')} description={t('portal.help.noResults', { q })} testId="portal-help-none" />;
  return (
    <Card>
      <List
        dataSource={hits.data.data}
        renderItem={(hit) => (
          <List.Item>
            <List.Item.Meta
              avatar={<FileTextOutlined style={{ fontSize: 18 }} />}
              title={
                <Typography.Link onClick={() => onOpen(hit.id)} data-testid="portal-article-link">
                  {hit.title}
                </Typography.Link>
              }
              description={hit.snippet}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function ArticleView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const key = usePortalKey();
  const format = usePortalFormat();
  const article = useQuery({ queryKey: ['portal', key, 'article', id, i18n.language], queryFn: ({ signal }) => api.get<Article>(`${portalPath(key)}/articles/${id}`, undefined, signal) });
  return (
    <Card data-testid="portal-article">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} style={{ paddingLeft: 0 }}>
        {t('portal.help.back')}
      </Button>
      {article.isLoading && <Spin />}
      {article.error && <ErrorAlert error={article.error} />}
      {article.data && (
        <>
          <Typography.Title level={4}>{article.data.title}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{article.data.body}</Typography.Paragraph>
          <Typography.Text type="secondary">{format.date(article.data.updatedAt)}</Typography.Text>
        </>
      )}
    </Card>
  );
}

/** A way on: open a request (signed in) or sign in. */
function StillNeedHelp({ portalKey }: { portalKey: string }) {
  const { t } = useTranslation();
  const signedIn = Boolean(usePortalHome(portalKey).data);
  return (
    <Flex justify="center" gap={8} align="center">
      <Typography.Text type="secondary">{t('portal.help.stillNeed')}</Typography.Text>
      <Link to={signedIn ? `/portal/${portalKey}/cases/new` : `/portal/${portalKey}/sign-in`}>
        <Button>{signedIn ? t('portal.nav.newCase') : t('portal.signIn.title')}</Button>
      </Link>
    </Flex>
  );
}
