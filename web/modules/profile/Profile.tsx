import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contracts/roles';
import { api } from '../../app/api';
import { browserLanguage, LANGUAGES, rememberedLanguage, rememberLanguage } from '../../app/i18n';
import type { Session, User } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { SESSION_KEY } from '../../app/useSession';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { timeZoneOptions } from '../../ui/timeZones';
import { AvatarPicker } from './AvatarPicker';

interface ProfileValues {
  name: string;
  /** '' in the form = follow the browser (null in the API). */
  locale: Locale | '';
  /** '' in the form = the workspace's (null in the API). */
  timeZone: string;
  avatar: string | null;
}

/** /profile: own name, language, time zone and photo. */
export function Profile() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user, workspace } = useCurrentSession();
  const [form] = Form.useForm<ProfileValues>();
  const name = Form.useWatch('name', form) ?? user.name;

  const { submit, pending, error } = useFormSubmit(
    form,
    (values: ProfileValues) =>
      api.patch<Partial<User>>('/me', {
        name: values.name,
        locale: values.locale || null,
        timeZone: values.timeZone || null,
        avatar: values.avatar ?? null,
      }),
    async (_, values) => {
      const locale = values.locale || null;
      queryClient.setQueryData<Session>(SESSION_KEY, (s) =>
        s ? { ...s, user: { ...s.user, name: values.name, locale, timeZone: values.timeZone || null, avatar: values.avatar ?? null } } : s,
      );
      if (locale) rememberLanguage(locale);
      await i18n.changeLanguage(locale ?? rememberedLanguage() ?? browserLanguage());
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  );

  const initialValues: ProfileValues = {
    name: user.name,
    locale: user.locale ?? '',
    timeZone: user.timeZone ?? '',
    avatar: user.avatar,
  };

  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={user.email} />
      <Card style={{ maxWidth: 640 }}>
        <FormAlert message={error} />
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
          <Form.Item name="avatar" label={t('profile.photo')}>
            <AvatarPicker name={name} />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }]}>
            <Input name="name" autoComplete="name" />
          </Form.Item>
          <Form.Item name="locale" label={t('fields.language')}>
            <Select
              data-testid="profile-locale"
              options={[
                { value: '', label: t('profile.followBrowser') },
                ...LANGUAGES.map((l) => ({ value: l.code, label: l.label })),
              ]}
            />
          </Form.Item>
          <Form.Item name="timeZone" label={t('fields.timeZone')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: '', label: t('profile.workspaceTimeZone', { timeZone: workspace.timeZone }) }, ...timeZoneOptions()]}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('profile.email', { email: user.email })}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="profile-submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
