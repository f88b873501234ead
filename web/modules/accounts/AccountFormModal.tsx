import { Col, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_SIZES, ACCOUNT_TIERS, ACCOUNT_TYPES, CREDIT_STATUSES, LIFECYCLE_STAGES } from '../../../contracts/customers';
import { api } from '../../app/api';
import { OwnerSelect } from '../../app/OwnerSelect';
import { canAssignOwners } from '../../app/permissions';
import { RecordSelect } from '../../app/RecordSelect';
import type { Account } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { MoneyField } from '../../ui/MoneyField';
import { formatPhone } from '../../ui/phone';
import { accountToValues, changedFields, filledFields, type AccountValues } from './accountValues';

interface AccountFormModalProps {
  open: boolean;
  /** The account to change; without it the form creates a new one. */
  account?: Account;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

/** Create or change an account: one form for both. */
export function AccountFormModal({ open, account, onClose, onSaved }: AccountFormModalProps) {
  const { t } = useTranslation();
  const { user, workspace, membership } = useCurrentSession();
  const [form] = Form.useForm<AccountValues>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: AccountValues) => {
      if (!account) return api.post<Account>('/accounts', filledFields(values, workspace.defaultCurrency));
      const patch = changedFields(account, values, workspace.defaultCurrency, workspace.defaultCountry);
      return Object.keys(patch).length ? api.patch<Account>(`/accounts/${account.id}`, patch) : Promise.resolve(account);
    },
    onSaved,
  );

  const startValues: Partial<AccountValues> = account
    ? { ...accountToValues(account), phone: account.phone ? formatPhone(account.phone) : '' }
    : { type: 'prospect', ownerId: user.id, currency: workspace.defaultCurrency, tags: [] };
  const options = (values: readonly string[], prefix?: string) =>
    values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}`, { defaultValue: v }) : v }));

  return (
    <Modal
      open={open}
      width={720}
      title={account ? t('accounts.edit') : t('accounts.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'account-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={startValues}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('fields.accountName')} rules={[{ required: true, whitespace: true }]}>
              <Input name="name" autoFocus maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('fields.type')}>
              <Select data-testid="account-type" options={options(ACCOUNT_TYPES, 'accounts.types')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="industry" label={t('fields.industry')}>
              <Input name="industry" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="size" label={t('fields.size')}>
              <Select allowClear options={options(ACCOUNT_SIZES)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="tier" label={t('fields.tier')}>
              <Select allowClear options={options(ACCOUNT_TIERS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="region" label={t('fields.region')}>
              <Input name="region" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="website" label={t('fields.website')}>
              <Input name="website" maxLength={300} placeholder="https://" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('fields.phone')}>
              <Input name="phone" type="tel" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email' }]}>
              <Input name="email" type="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="parentId" label={t('fields.parentId')}>
              <RecordSelect path="/accounts" exclude={account ? [account.id] : []} testId="account-parent" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="creditStatus" label={t('fields.creditStatus')}>
              <Select allowClear options={options(CREDIT_STATUSES, 'accounts.credit')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <MoneyField label={t('fields.creditLimit')} amountName="creditLimit" fallbackCurrency={workspace.defaultCurrency} />
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('fields.tags')}>
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="source" label={t('fields.source')}>
              <Input name="source" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="lifecycleStage" label={t('fields.lifecycleStage')}>
              <Select allowClear options={options(LIFECYCLE_STAGES, 'customers.lifecycle')} />
            </Form.Item>
          </Col>
          {canAssignOwners(membership.role) && (
            <Col xs={24}>
              <Form.Item name="ownerId" label={t('fields.ownerId')}>
                <OwnerSelect />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
