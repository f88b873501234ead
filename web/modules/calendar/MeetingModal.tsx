import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Popconfirm, Row, Select, Switch, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { DateTimeInput } from '../../app/DateTimeInput';
import type { Page } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useMembers } from '../../app/useMembers';
import { FormAlert } from '../../ui/FormAlert';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { meetingBody, meetingValuesOf, type MeetingDraft, type MeetingValues } from './meetingValues';
import { useMeetingsChanged, type Meeting } from './useCalendar';

interface MeetingModalProps {
  /** The meeting to show or change; a draft for a new one; neither: closed. */
  meeting?: Meeting | null;
  draft?: MeetingDraft | null;
  onClose: () => void;
}

/** Contacts picked by name, searched on the server as one types; those already chosen keep their names. */
function ContactsSelect({ value, onChange, known }: { value?: string[]; onChange?: (ids: string[]) => void; known: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const hits = useQuery({
    queryKey: ['/contacts', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<{ id: string; name: string; company: string | null }>>('/contacts', { limit: 20, sort: 'name', filter: q ? [`name:contains:${q}`] : [] }, signal),
  });
  const options = new Map(known.map((c) => [c.id, c.name]));
  for (const c of hits.data?.data ?? []) options.set(c.id, c.company ? `${c.name} · ${c.company}` : c.name);
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={hits.isFetching}
      placeholder={t('calendar.contactsHint')}
      data-testid="meeting-contacts"
      options={[...options].map(([id, label]) => ({ value: id, label }))}
    />
  );
}

/** Schedules a meeting, or shows one — changeable and cancellable by those who may. */
export function MeetingModal({ meeting, draft, onClose }: MeetingModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useMeetingsChanged();
  const { members } = useMembers();
  const { timeZone } = useFormat();
  const [form] = Form.useForm<MeetingValues>();
  const allDay = Form.useWatch('allDay', form) ?? false;
  const open = Boolean(meeting || draft);
  const readOnly = Boolean(meeting && !meeting.editable);
  const knownContacts = [
    ...(meeting?.participants.filter((p) => p.kind === 'contact' && p.id).map((p) => ({ id: p.id!, name: p.name ?? '' })) ?? []),
    ...(draft?.contact ? [draft.contact] : []),
  ];

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(meeting ? meetingValuesOf({ meeting }, timeZone) : meetingValuesOf({ draft: draft! }, timeZone));
    // Only when another meeting or slot opens: the form keeps what is typed meanwhile.
  }, [open, meeting?.id, draft?.startsAt]);

  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (submitted: MeetingValues) => {
      // The hidden pair (times, or days) is kept in the store, not in what the form submits.
      const v = { ...(form.getFieldsValue(true) as MeetingValues), ...submitted };
      return meeting ? api.patch<Meeting>(`/calendar/meetings/${meeting.id}`, meetingBody(v, timeZone)) : api.post<Meeting>('/calendar/meetings', meetingBody(v, timeZone));
    },
    () => {
      message.success(t(meeting ? 'calendar.saved' : 'calendar.scheduled'));
      changed();
      onClose();
    },
  );
  const remove = useMutation({
    mutationFn: () => api.delete(`/calendar/meetings/${meeting!.id}`),
    onSuccess: () => {
      message.success(t('calendar.cancelled'));
      changed();
      onClose();
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <Modal
      open={open}
      width={620}
      title={meeting ? (readOnly ? meeting.subject : t('calendar.edit')) : t('calendar.new')}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        reset();
      }}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8}>
          <div>
            {meeting?.editable && (
              <Popconfirm title={t('calendar.cancelConfirm')} okText={t('calendar.cancelMeeting')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="meeting-delete">
                  {t('calendar.cancelMeeting')}
                </Button>
              </Popconfirm>
            )}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>{t(readOnly ? 'calendar.close' : 'common.cancel')}</Button>
            {!readOnly && (
              <Button type="primary" loading={pending} onClick={() => form.submit()} {...({ 'data-testid': 'meeting-submit' } as ButtonProps)}>
                {t('common.save')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      {readOnly && (
        <Typography.Paragraph type="secondary" data-testid="meeting-readonly">
          {t('calendar.readOnly')}
        </Typography.Paragraph>
      )}
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" disabled={readOnly} onFinish={submit}>
        <Form.Item name="subject" label={t('calendar.fields.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} autoFocus placeholder={t('calendar.subjectHint')} data-testid="meeting-subject" />
        </Form.Item>
        {allDay ? (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="startDay" label={t('calendar.fields.firstDay')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="meeting-first-day" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="endDay"
                label={t('calendar.fields.lastDay')}
                dependencies={['startDay']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, value?: Dayjs) =>
                      !value || !getFieldValue('startDay') || !value.isBefore(getFieldValue('startDay') as Dayjs, 'day') ? Promise.resolve() : Promise.reject(new Error(t('calendar.lastDayBeforeFirst'))),
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="meeting-last-day" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="startsAt" label={t('calendar.fields.startsAt')} rules={[{ required: true }]}>
                <DateTimeInput allowClear={false} testId="meeting-starts" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="endsAt"
                label={t('fields.endsAt')}
                dependencies={['startsAt']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) =>
                      !value || !getFieldValue('startsAt') || new Date(value) > new Date(getFieldValue('startsAt') as string) ? Promise.resolve() : Promise.reject(new Error(t('validation.afterStart', { field: t('fields.endsAt') }))),
                  }),
                ]}
              >
                <DateTimeInput allowClear={false} testId="meeting-ends" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="allDay" label={t('calendar.allDay')} valuePropName="checked">
          <Switch data-testid="meeting-all-day" />
        </Form.Item>
        <Form.Item name="location" label={t('fields.location')}>
          <Input maxLength={500} placeholder={t('calendar.locationHint')} data-testid="meeting-location" />
        </Form.Item>
        <Form.Item name="contacts" label={t('calendar.fields.contacts')}>
          <ContactsSelect known={knownContacts} />
        </Form.Item>
        <Form.Item name="members" label={t('calendar.fields.members')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('calendar.membersHint')}
            data-testid="meeting-members"
            options={members.filter((m) => m.status === 'active' || meeting?.participants.some((p) => p.id === m.userId)).map((m) => ({ value: m.userId, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('calendar.fields.notes')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={100_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
