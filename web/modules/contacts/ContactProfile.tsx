import { DeleteOutlined, EditOutlined, MailOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Flex, Popconfirm, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import type { Contact } from '../../app/types';
import { useMayActOn } from '../../app/useMayActOn';
import { PhoneLink } from '../../ui/PhoneLink';

interface ContactProfileProps {
  contact: Contact;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}

const AVATAR_COLORS = ['#1677ff', '#13a8a8', '#722ed1', '#eb2f96', '#fa8c16', '#52c41a', '#2f54eb'];

function colorOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length];
}

/** The head of a contact's page: who, where they work, how to reach them, whose they are; edit and delete. */
export function ContactProfile({ contact, onEdit, onDelete, deleting }: ContactProfileProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mayUpdate = useMayActOn('update', contact.ownerId);
  const mayDelete = useMayActOn('delete', contact.ownerId);
  const work = [contact.title, contact.company].filter(Boolean).join(' · ');

  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex wrap gap={16} align="flex-start">
        <Avatar size={64} style={{ background: colorOf(contact.name), fontSize: 28, flex: 'none' }}>
          {[...contact.name.trim()][0]?.toUpperCase()}
        </Avatar>
        <div style={{ flex: 1, minWidth: 220 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="contact-name">
            {contact.name}
          </Typography.Title>
          {work && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 2 }}>
              {work}
            </Typography.Text>
          )}
          <Flex wrap gap="8px 20px" align="center" style={{ marginTop: 12, color: token.colorTextSecondary }}>
            <Flex align="center" gap={6}>
              <Typography.Text type="secondary">{t('fields.ownerId')}:</Typography.Text>
              <OwnerName ownerId={contact.ownerId} />
            </Flex>
            {contact.email && (
              <a href={`mailto:${contact.email}`} data-testid="contact-email">
                <MailOutlined /> {contact.email}
              </a>
            )}
            <PhoneLink phone={contact.phone} icon data-testid="contact-phone" />
          </Flex>
        </div>
        <Flex gap={8} wrap>
          {mayUpdate && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="contact-edit">
              {t('common.edit')}
            </Button>
          )}
          {mayDelete && (
            <Popconfirm
              title={t('contacts.deleteConfirm', { name: contact.name })}
              description={t('contacts.deleteText')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: deleting, ...({ 'data-testid': 'contact-delete-confirm' } as object) }}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="contact-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
