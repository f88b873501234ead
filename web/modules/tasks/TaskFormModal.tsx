import { App, Col, Form, Input, Modal, Row, Segmented, Select, type ButtonProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES } from '../../../contracts/interactions';
import { api } from '../../app/api';
import { DateTimeInput } from '../../app/DateTimeInput';
import type { Task } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { atHourIn } from '../../ui/zonedTime';
import { REPEAT_CHOICES, type RepeatChoice } from './repeat';
import { taskBody, taskPatch, taskValuesOf, type TaskValues } from './taskValues';
import { useTasksChanged } from './useTasks';

interface TaskFormModalProps {
  open: boolean;
  /** The record the task is about (none on the tasks page). */
  record?: { recordType: string; recordId: string; name: string };
  /** The task to change; none to add one. */
  task?: Task;
  /** Called on cancel and after a save (the task lists have been told to refresh). */
  onClose: () => void;
}

/** Adds or changes a task: title, due time (quick picks for today and tomorrow), priority, reminder, how it repeats. */
export function TaskFormModal({ open, record, task, onClose }: TaskFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useTasksChanged();
  const { timeZone } = useFormat();
  const [form] = Form.useForm<TaskValues>();
  const repeat: RepeatChoice = Form.useWatch('repeat', form) ?? 'none';
  const save = (values: TaskValues) => (task ? api.patch<Task>(`/tasks/${task.id}`, taskPatch(values)) : api.post<Task>('/tasks', taskBody(values, record)));
  const { submit, pending, error, reset } = useFormSubmit(form, save, () => {
    onClose();
    message.success(t(task ? 'tasks.saved' : 'tasks.added'));
    changed();
  });
  const presets = useMemo(
    () =>
      open
        ? [
            { label: t('tasks.presets.today'), value: atHourIn(0, 18, timeZone).toISOString() },
            { label: t('tasks.presets.tomorrow'), value: atHourIn(1, 9, timeZone).toISOString() },
            { label: t('tasks.presets.nextWeek'), value: atHourIn(7, 9, timeZone).toISOString() },
          ]
        : [],
    [open, t, timeZone],
  );

  return (
    <Modal
      open={open}
      width={560}
      title={task ? t('tasks.editTitle') : record ? t('tasks.addFor', { name: record.name }) : t('tasks.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'task-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={task ? taskValuesOf(task) : { priority: 'normal', repeat: 'none' }} onFinish={submit}>
        <Form.Item name="title" label={t('tasks.fields.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} autoFocus placeholder={t('tasks.titleHint')} data-testid="task-title-input" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="dueAt" label={t('tasks.fields.dueAt')} rules={[{ required: repeat !== 'none', message: t('tasks.dueForRepeat') }]}>
              <DateTimeInput presets={presets} testId="task-due-input" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="priority" label={t('tasks.fields.priority')}>
              <Segmented block options={TASK_PRIORITIES.map((value) => ({ value, label: t(`tasks.priorities.${value}`) }))} data-testid="task-priority" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="remindAt" label={t('tasks.fields.remindAt')}>
              <DateTimeInput presets={presets} testId="task-remind-input" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="repeat" label={t('tasks.fields.repeat')}>
              <Select data-testid="task-repeat-select" options={REPEAT_CHOICES.map((value) => ({ value, label: t(`tasks.repeat.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {repeat === 'custom' && (
          <Form.Item name="rule" label={t('tasks.fields.rule')} extra={t('tasks.ruleHint')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={500} placeholder="FREQ=WEEKLY;BYDAY=MO" style={{ fontFamily: 'monospace' }} data-testid="task-rule-input" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('tasks.fields.notes')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
