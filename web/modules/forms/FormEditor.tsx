import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Switch, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LOCALES } from '../../../contracts/roles';
import { api } from '../../app/api';
import { FullPageSpin } from '../../app/FullPageSpin';
import { OwnerSelect } from '../../app/OwnerSelect';
import { useCan } from '../../app/useCan';
import { useFormSubmit } from '../../app/useFormSubmit';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AdminOnlyNotice } from '../settings/AdminOnlyNotice';
import { FormFieldsEditor } from './FormFieldsEditor';
import { FormPreview } from './FormPreview';
import { FormShare } from './FormShare';
import { FormSubmissions } from './FormSubmissions';
import type { FormValues, WebForm } from './formTypes';
import { FORMS_KEY, useWebForm } from './useForms';

const NEW_FORM: FormValues = {
  name: '',
  language: 'zh-CN',
  title: '',
  intro: null,
  fields: [
    { key: 'name', label: '', type: 'text', required: true, mapTo: 'name' },
    { key: 'email', label: '', type: 'email', required: true, mapTo: 'email' },
  ],
  submitLabel: null,
  thankYou: null,
  redirectUrl: null,
  active: true,
  contactOwnerId: null,
};

/** /forms/new and /forms/:id: build a form (with a live preview), share it, read its submissions. */
export function FormEditor() {
  const { id } = useParams();
  const mayManage = useCan('forms.manage');
  const existing = useWebForm(id);
  if (!mayManage) return <AdminOnlyNotice />;
  if (id && existing.error) return <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />;
  if (id && !existing.data) return <FullPageSpin />;
  return <FormEditorLoaded key={id ?? 'new'} form={existing.data ?? null} />;
}

function FormEditorLoaded({ form: saved }: { form: WebForm | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const { submit, pending, error } = useFormSubmit(
    form,
    (v: FormValues) => {
      const body = { ...v, fields: v.fields.map((f) => ({ ...f, required: Boolean(f.required), mapTo: f.mapTo || null, ...(f.type === 'select' ? { options: f.options ?? [] } : { options: undefined }) })) };
      return saved ? api.patch<WebForm>(`/forms/${saved.id}`, body) : api.post<WebForm>('/forms', body);
    },
    (result) => {
      void queryClient.invalidateQueries({ queryKey: FORMS_KEY });
      queryClient.setQueryData([...FORMS_KEY, result.id], result);
      message.success(t(saved ? 'forms.builder.saved' : 'forms.builder.created'));
      if (!saved) navigate(`/forms/${result.id}?tab=share`, { replace: true });
    },
  );
  useEffect(() => {
    const [name, email] = NEW_FORM.fields;
    form.setFieldsValue(saved ? { ...saved } : { ...NEW_FORM, fields: [{ ...name!, label: t('fields.name') }, { ...email!, label: t('fields.email') }] });
  }, [saved, form, t]);

  const remove = async () => {
    await api.delete(`/forms/${saved!.id}`);
    await queryClient.invalidateQueries({ queryKey: FORMS_KEY });
    message.success(t('forms.builder.deleted'));
    navigate('/forms');
  };

  const builder = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card>
          <Form form={form} layout="vertical" onFinish={submit} initialValues={NEW_FORM} data-testid="form-builder">
            <FormAlert message={error} />
            <Form.Item name="name" label={t('forms.builder.name')} extra={t('forms.builder.nameHelp')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="form-name" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="language" label={t('forms.builder.language')}>
                  <Select options={LOCALES.map((l) => ({ value: l, label: t(`forms.languages.${l}`) }))} data-testid="form-language" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="active" label={t('forms.builder.active')} valuePropName="checked">
                  <Switch data-testid="form-active" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={t('forms.builder.title')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="form-title" />
            </Form.Item>
            <Form.Item name="intro" label={t('forms.builder.intro')}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
            <Form.Item label={t('forms.builder.fields')} required>
              <FormFieldsEditor />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="submitLabel" label={t('forms.builder.submitLabel')}>
                  <Input maxLength={60} placeholder={t('forms.builder.defaultSubmit')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="contactOwnerId" label={t('forms.builder.contactOwner')}>
                  <OwnerSelect allowClear testId="form-owner" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="thankYou" label={t('forms.builder.thankYou')}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="form-thank-you" />
            </Form.Item>
            <Form.Item name="redirectUrl" label={t('forms.builder.redirectUrl')} rules={[{ type: 'url' }]} normalize={(v: string) => v || null}>
              <Input maxLength={2000} placeholder="https://" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="form-save">
              {t('forms.builder.save')}
            </Button>
            {saved && (
              <Popconfirm title={t('forms.builder.confirmDelete')} onConfirm={() => void remove()}>
                <Button danger style={{ marginInlineStart: 8 }} data-testid="form-delete">
                  {t('forms.builder.delete')}
                </Button>
              </Popconfirm>
            )}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <FormPreview values={values ?? {}} />
      </Col>
    </Row>
  );

  const tab = new URLSearchParams(window.location.search).get('tab') ?? 'build';
  return (
    <>
      <PageHeader
        title={saved?.name ?? t('forms.new')}
        subtitle={
          <Link to="/forms">
            <ArrowLeftOutlined /> {t('forms.back')}
          </Link>
        }
      />
      {saved ? (
        <Tabs
          defaultActiveKey={tab}
          items={[
            { key: 'build', label: t('forms.tabs.build'), children: builder },
            { key: 'share', label: <span data-testid="form-tab-share">{t('forms.tabs.share')}</span>, children: <Card><FormShare form={saved} /></Card> },
            { key: 'submissions', label: <span data-testid="form-tab-submissions">{t('forms.tabs.submissions')} ({saved.submissions})</span>, children: <Card><FormSubmissions form={saved} /></Card> },
          ]}
        />
      ) : (
        builder
      )}
    </>
  );
}
