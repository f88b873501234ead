import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, List, Row, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/roles';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ArticleDrawer } from './ArticleDrawer';
import { ArticleEditor } from './ArticleEditor';
import { HitText } from './HitText';
import { nameOf, type KbCategory } from './types';
import { useArticleSearch, useArticles, useKbCategories, useKnowledgeChanged } from './useKnowledge';

type TreeNode = { key: string; title: string; children: TreeNode[] };
function treeOf(categories: KbCategory[], language: Locale, parentId: string | null = null): TreeNode[] {
  return categories.filter((c) => c.parentId === parentId).map((c) => ({ key: c.id, title: `${nameOf(c.names, language)} (${c.articles})`, children: treeOf(categories, language, c.id) }));
}

/** /knowledge: categories on the left; search or the category's articles on the right; an article opens in a drawer. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const language = i18n.language as Locale;
  const mayWrite = useCan('knowledge.write');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const categories = useKbCategories();
  const articles = useArticles(categoryId, language);
  const results = useArticleSearch(query, language, categoryId);
  const changed = useKnowledgeChanged();

  const addCategory = () => {
    let name = '';
    modal.confirm({
      title: t('knowledge.newCategory'),
      content: <Input autoFocus data-testid="kb-category-name" onChange={(e) => (name = e.target.value)} />,
      onOk: async () => {
        if (!name.trim()) return;
        await api.post('/knowledge/categories', { names: { [language]: name }, parentId: categoryId });
        changed();
        void message.success(t('knowledge.saved'));
      },
    });
  };

  const searching = query.trim().length > 0;
  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        extra={
          mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="kb-new-article">
              {t('knowledge.newArticle')}
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Card size="small" title={t('knowledge.categories')} extra={mayWrite && <Button size="small" type="link" icon={<PlusOutlined />} onClick={addCategory} data-testid="kb-new-category" aria-label={t('knowledge.newCategory')} />}>
            <Button type={categoryId ? 'text' : 'link'} onClick={() => setCategoryId(null)} style={{ paddingInline: 4 }}>
              {t('knowledge.allArticles')}
            </Button>
            {categories.data && categories.data.length > 0 ? (
              <Tree defaultExpandAll treeData={treeOf(categories.data, language)} selectedKeys={categoryId ? [categoryId] : []} onSelect={(keys) => setCategoryId((keys[0] as string) ?? null)} />
            ) : (
              <Typography.Paragraph type="secondary" style={{ margin: 8 }}>
                {t('knowledge.noCategories')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={17}>
          <Input.Search allowClear enterButton placeholder={t('knowledge.searchPlaceholder')} onSearch={setQuery} style={{ marginBottom: 16 }} data-testid="kb-search" />
          {(articles.error || results.error) && <ErrorAlert error={articles.error ?? results.error} />}
          {searching ? (
            <List
              loading={results.isLoading}
              dataSource={results.data ?? []}
              locale={{ emptyText: <EmptyState title={t('knowledge.noResults')} description={t('knowledge.noResultsHint')} /> }}
              data-testid="kb-results"
              renderItem={(hit) => (
                <List.Item key={hit.id} onClick={() => setOpen(hit.id)} style={{ cursor: 'pointer' }} data-testid="kb-result">
                  <List.Item.Meta
                    title={
                      <Flex gap={8} align="center">
                        <HitText text={hit.title} hits={hit.titleHits} />
                        {hit.visibility === 'public' && <Tag color="green">{t('knowledge.visibility.public')}</Tag>}
                      </Flex>
                    }
                    description={<HitText text={hit.snippet} hits={hit.snippetHits} />}
                  />
                </List.Item>
              )}
            />
          ) : (
            <List
              loading={articles.isLoading}
              dataSource={articles.data ?? []}
              data-testid="kb-articles"
              locale={{ emptyText: <EmptyState title={t('knowledge.empty')} description={mayWrite ? t('knowledge.emptyHint') : t('knowledge.emptyReader')} /> }}
              renderItem={(a) => (
                <List.Item key={a.id} onClick={() => setOpen(a.id)} style={{ cursor: 'pointer' }} extra={<Typography.Text type="secondary">{t('knowledge.views', { count: a.viewCount })}</Typography.Text>}>
                  <List.Item.Meta
                    title={
                      <Flex gap={8} align="center" wrap>
                        <span>{a.title}</span>
                        <Tag color={a.status === 'published' ? 'blue' : 'default'}>{t(`knowledge.status.${a.status}`)}</Tag>
                        {a.visibility === 'public' && <Tag color="green">{t('knowledge.visibility.public')}</Tag>}
                        {a.languages.map((l) => (
                          <Tag key={l} bordered={false}>
                            {l}
                          </Tag>
                        ))}
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Col>
      </Row>
      <ArticleDrawer id={open} onClose={() => setOpen(null)} onEdit={(id) => setEditing(id)} />
      {editing && (
        <ArticleEditor
          id={editing === 'new' ? null : editing}
          categoryId={categoryId}
          categories={categories.data ?? []}
          onClose={(savedId) => {
            setEditing(null);
            changed();
            if (savedId) setOpen(savedId);
          }}
        />
      )}
    </>
  );
}
