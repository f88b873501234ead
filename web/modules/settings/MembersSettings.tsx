import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Invite, Member } from '../../app/types';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { InviteModal } from './InviteModal';
import { InvitesTable } from './InvitesTable';
import { MembersTable } from './MembersTable';
import { useIsAdmin } from './useIsAdmin';

/** /settings/members (?invite=1 opens the invite dialog). */
export function MembersSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const [params, setParams] = useSearchParams();
  const inviting = isAdmin && params.get('invite') === '1';
  const members = useCursorList<Member>('/members');
  const invites = useCursorList<Invite>('/invites', {}, { enabled: isAdmin });

  const setInviting = (open: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (open) next.set('invite', '1');
        else next.delete('invite');
        return next;
      },
      { replace: true },
    );

  const inviteButton = isAdmin && (
    <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="invite-open">
      {t('members.invite')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <AdminOnlyNotice />
      <Card
        title={t('members.title')}
        extra={inviteButton}
        styles={{ body: { padding: 0 } }}
      >
        {members.error && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
        <MembersTable rows={members.rows} loading={members.isPending} editable={isAdmin} />
        <LoadMore hasMore={members.hasMore} loading={members.loadingMore} onLoadMore={members.loadMore} />
      </Card>
      {isAdmin && (
        <Card title={t('members.openInvites')} styles={{ body: { padding: invites.rows.length ? 0 : undefined } }}>
          {invites.error && <ErrorAlert error={invites.error} onRetry={() => void invites.refetch()} />}
          {!invites.isPending && !invites.error && invites.rows.length === 0 ? (
            <EmptyState
              title={t('members.noInvites.title')}
              description={t('members.noInvites.text')}
              action={inviteButton}
              testId="invites-empty"
            />
          ) : (
            <Flex vertical>
              <InvitesTable rows={invites.rows} loading={invites.isPending} editable={isAdmin} />
              <LoadMore hasMore={invites.hasMore} loading={invites.loadingMore} onLoadMore={invites.loadMore} />
            </Flex>
          )}
        </Card>
      )}
      <InviteModal open={inviting} onClose={() => setInviting(false)} />
    </Space>
  );
}
