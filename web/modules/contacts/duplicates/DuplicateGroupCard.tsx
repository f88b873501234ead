import { Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateGroup } from '../../../app/types';
import { ContactFieldValue } from './ContactFieldValue';
import { fieldLabelKey, MERGE_FIELDS } from './mergeFields';

interface DuplicateGroupCardProps {
  group: DuplicateGroup;
  onMerge: () => void;
  onDismiss: () => void;
  dismissing: boolean;
}

/** One group of likely duplicates: how alike (score, reasons), the contacts side by side, merge or dismiss. */
export function DuplicateGroupCard({ group, onMerge, onDismiss, dismissing }: DuplicateGroupCardProps) {
  const { t } = useTranslation();
  const fields = MERGE_FIELDS.filter((field) => group.contacts.some((c) => c[field]));
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="duplicate-group"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('duplicates.score', { percent: Math.round(group.score * 100) })}</Typography.Text>
          {group.reasons.map((reason) => (
            <Tag key={reason} color="orange">
              {t(`duplicates.reasons.${reason}`, { defaultValue: reason })}
            </Tag>
          ))}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Popconfirm title={t('duplicates.dismissConfirm')} onConfirm={onDismiss}>
            <Button size="small" loading={dismissing} data-testid="duplicate-dismiss">
              {t('duplicates.dismiss')}
            </Button>
          </Popconfirm>
          <Button size="small" type="primary" onClick={onMerge} data-testid="duplicate-merge">
            {t('duplicates.merge.open')}
          </Button>
        </Flex>
      }
    >
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(field) => field}
        dataSource={[...fields]}
        columns={[
          { title: '', key: 'label', width: 120, render: (_, field) => <Typography.Text type="secondary">{t(fieldLabelKey(field))}</Typography.Text> },
          ...group.contacts.map((contact) => ({
            title: <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>,
            key: contact.id,
            render: (_: unknown, field: (typeof fields)[number]) => <ContactFieldValue contact={contact} field={field} />,
          })),
        ]}
      />
    </Card>
  );
}
