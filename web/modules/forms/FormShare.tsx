import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { plainFormSnippet, type WebForm } from './formTypes';

function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      icon={<CopyOutlined />}
      data-testid={testId}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => message.success(t('forms.share.copied')),
          () => message.error(t('common.unexpectedError')),
        )
      }
    >
      {t('forms.share.copy')}
    </Button>
  );
}

/** The hosted link, the iframe snippet and the plain-form alternative, each with a copy button. */
export function FormShare({ form }: { form: WebForm }) {
  const { t } = useTranslation();
  const plain = plainFormSnippet(form);
  return (
    <Flex vertical gap={20}>
      {!form.active && <Alert type="warning" showIcon title={t('forms.share.inactive')} />}
      <div>
        <Typography.Title level={5}>{t('forms.share.hosted')}</Typography.Title>
        <Flex gap={8}>
          <Input readOnly value={form.hostedUrl} data-testid="form-hosted-url" />
          <CopyButton text={form.hostedUrl} testId="form-copy-url" />
          <Button icon={<LinkOutlined />} href={form.hostedUrl} target="_blank" rel="noreferrer">
            {t('forms.share.open')}
          </Button>
        </Flex>
      </div>
      <div>
        <Typography.Title level={5}>{t('forms.share.embed')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('forms.share.embedHelp')}</Typography.Paragraph>
        <Input.TextArea readOnly autoSize value={form.embedCode} data-testid="form-embed-code" style={{ fontFamily: 'monospace', marginBottom: 8 }} />
        <CopyButton text={form.embedCode} testId="form-copy-embed" />
      </div>
      <div>
        <Typography.Title level={5}>{t('forms.share.plain')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('forms.share.plainHelp')}</Typography.Paragraph>
        <Input.TextArea readOnly autoSize value={plain} style={{ fontFamily: 'monospace', marginBottom: 8 }} />
        <CopyButton text={plain} testId="form-copy-plain" />
      </div>
    </Flex>
  );
}
