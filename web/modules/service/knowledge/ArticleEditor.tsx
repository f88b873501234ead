import { App, Button, Checkbox, Flex, Form, Input, List, Modal, Select, Tabs, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_VISIBILITIES } from '../../../../contracts/knowledge';
import { LOCALES, type Locale } from '../../../../contracts/roles';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { useFormat } from '../../../app/useFormat';
import { FormAlert } from '../../../ui/FormAlert';
import { nameOf, type Article, type KbCategory } from './types';
import { useArticle, useArticleVersions } from './useKnowledge';

interface Values {
  categoryId: string | null;
  visibility: string;
  tags: string[];
  text: Partial<Record<Locale, { title?: string; body?: string }>>;
  publish: boolean;
}

/** Write or change an article: a tab per language (blank ones left out), its settings, and, for a published one, its versions. */
export function ArticleEditor({ id, categoryId, categories, onClose }: { id: string | null; categoryId: string | null; categories: KbCategory[]; onClose: (savedId?: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const article = useArticle(id);
  const versions = useArticleVersions(id);
  const mayPublish = useCan('knowledge.publish');
  const format = useFormat();
  const [tab, setTab] = useState<string>(i18n.language);
  const language = i18n.language as Locale;

  useEffect(() => {
    const a = article.data;
    if (a) form.setFieldsValue({ categoryId: a.categoryId, visibility: a.visibility, tags: a.tags, text: Object.fromEntries(a.translations.map((x) => [x.language, { title: x.title, body: x.body }])) });
  }, [article.data, form]);

  const { submit, pending, error } = useFormSubmit<Values, Article>(
    form,
    async (values) => {
      const translations = LOCALES.flatMap((l) => (values.text?.[l]?.title?.trim() ? [{ language: l, title: values.text[l]!.title!, body: values.text[l]!.body ?? '' }] : []));
      const body = { categoryId: values.categoryId ?? null, visibility: values.visibility, tags: values.tags ?? [], translations };
      const saved = id ? await api.patch<Article>(`/knowledge/articles/${id}`, body) : await api.post<Article>('/knowledge/articles', body);
      return values.publish && saved.status !== 'published' ? api.post<Article>(`/knowledge/articles/${saved.id}/publish`) : saved;
    },
    (saved) => {
      void message.success(t('knowledge.saved'));
      onClose(saved.id);
    },
  );

  const restore = async (version: number) => {
    await api.post(`/knowledge/articles/${id}/restore`, { version });
    void message.success(t('knowledge.restored', { n: version }));
    onClose(id!);
  };

  return (
    <Modal open width={820} title={id ? t('knowledge.editArticle') : t('knowledge.newArticle')} onCancel={() => onClose()} onOk={() => form.submit()} okText={t('knowledge.save')} confirmLoading={pending} okButtonProps={{ 'data-testid': 'kb-save' } as ButtonProps}>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ categoryId, visibility: 'internal', tags: [], publish: false }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={LOCALES.map((l) => ({
            key: l,
            label: t(`knowledge.languages.${l}`),
            forceRender: true,
            children: (
              <>
                <Form.Item name={['text', l, 'title']} label={t('knowledge.fields.title')} rules={l === language && !id ? [{ required: true, whitespace: true, message: t('knowledge.titleRequired') }] : []}>
                  <Input maxLength={300} data-testid={`kb-title-${l}`} />
                </Form.Item>
                <Form.Item name={['text', l, 'body']} label={t('knowledge.fields.body')}>
                  <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} data-testid={`kb-body-${l}`} />
                </Form.Item>
              </>
            ),
          }))}
        />
        <Typography.Paragraph type="secondary">{t('knowledge.languagesHint')}</Typography.Paragraph>
        <Flex gap={16} wrap>
          <Form.Item name="categoryId" label={t('knowledge.fields.category')} style={{ minWidth: 220 }}>
            <Select allowClear options={categories.map((c) => ({ value: c.id, label: nameOf(c.names, language) }))} />
          </Form.Item>
          <Form.Item name="visibility" label={t('knowledge.fields.visibility')}>
            <Select style={{ width: 160 }} options={ARTICLE_VISIBILITIES.map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))} data-testid="kb-visibility" />
          </Form.Item>
          <Form.Item name="tags" label={t('knowledge.fields.tags')} style={{ minWidth: 220 }}>
            <Select mode="tags" />
          </Form.Item>
        </Flex>
        {mayPublish && article.data?.status !== 'published' && (
          <Form.Item name="publish" valuePropName="checked">
            <Checkbox data-testid="kb-publish">{t('knowledge.publishNow')}</Checkbox>
          </Form.Item>
        )}
      </Form>
      {id && (versions.data?.length ?? 0) > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('knowledge.versions')}</Typography.Text>}
          dataSource={versions.data}
          data-testid="kb-versions"
          renderItem={(v) => (
            <List.Item
              actions={
                mayPublish && v.version !== article.data?.version
                  ? [
                      <Button key="restore" size="small" onClick={() => void restore(v.version)}>
                        {t('knowledge.restore')}
                      </Button>,
                    ]
                  : []
              }
            >
              {t('knowledge.versionN', { n: v.version })} · {format.dateTime(v.createdAt)} · {v.content.translations.map((x) => x.title).join(' / ')}
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
