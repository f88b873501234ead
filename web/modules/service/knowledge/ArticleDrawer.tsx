import { DislikeOutlined, EditOutlined, LikeOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/roles';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useArticle, useKnowledgeChanged } from './useKnowledge';

/** One article: its text in a chosen language, "was this helpful?", and edit for writers. */
export function ArticleDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const article = useArticle(id);
  const changed = useKnowledgeChanged();
  const mayWrite = useCan('knowledge.write');
  const mayPublish = useCan('knowledge.publish');
  const [language, setLanguage] = useState<Locale>(i18n.language as Locale);
  const a = article.data;
  const shown = a?.translations.find((x) => x.language === language) ?? a?.translations[0];

  useEffect(() => {
    if (id) void api.post(`/knowledge/articles/${id}/views`).catch(() => undefined);
    setLanguage(i18n.language as Locale);
  }, [id, i18n.language]);

  const vote = async (helpful: boolean) => {
    await api.post(`/knowledge/articles/${id}/votes`, { helpful });
    changed();
    void message.success(t('knowledge.thanks'));
  };
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={shown?.title} data-testid="kb-article" extra={a && (mayPublish || (mayWrite && a.status === 'draft')) && <Button icon={<EditOutlined />} onClick={() => onEdit(a.id)} data-testid="kb-edit">{t('knowledge.edit')}</Button>}>
      {article.error && <ErrorAlert error={article.error} />}
      {a && shown && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Segmented size="small" value={shown.language} onChange={(v) => setLanguage(v as Locale)} options={a.translations.map((x) => ({ value: x.language, label: t(`knowledge.languages.${x.language}`) }))} data-testid="kb-language" />
            <Tag color={a.status === 'published' ? 'blue' : 'default'}>{t(`knowledge.status.${a.status}`)}</Tag>
            <Tag color={a.visibility === 'public' ? 'green' : 'default'}>{t(`knowledge.visibility.${a.visibility}`)}</Tag>
            {a.version > 0 && <Typography.Text type="secondary">{t('knowledge.versionN', { n: a.version })}</Typography.Text>}
            {a.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="kb-body">
            {shown.body}
          </Typography.Paragraph>
          {a.status === 'published' && (
            <Space>
              <Typography.Text>{t('knowledge.helpful')}</Typography.Text>
              <Button icon={<LikeOutlined />} type={a.myVote === true ? 'primary' : 'default'} onClick={() => void vote(true)}>
                {a.helpfulYes}
              </Button>
              <Button icon={<DislikeOutlined />} type={a.myVote === false ? 'primary' : 'default'} onClick={() => void vote(false)}>
                {a.helpfulNo}
              </Button>
              <Typography.Text type="secondary">{t('knowledge.views', { count: a.viewCount })}</Typography.Text>
            </Space>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
