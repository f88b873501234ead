import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { api } from '../../app/api';
import type { Workspace } from '../../app/types';
import { useCurrentSession } from '../../app/useCurrentSession';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { BackupCard } from './BackupCard';
import { useIsAdmin } from './useIsAdmin';
import { WorkspaceForm } from './WorkspaceForm';

/** /settings/workspace */
export function WorkspaceSettings() {
  const session = useCurrentSession();
  const isAdmin = useIsAdmin();
  const workspace = useQuery({
    queryKey: ['workspace'],
    queryFn: ({ signal }) => api.get<Workspace>('/workspace', undefined, signal),
    placeholderData: session.workspace,
  });
  // The form starts from the server's copy; the session's stands in only if that cannot be read.
  const current = workspace.isError ? session.workspace : workspace.isPlaceholderData ? undefined : workspace.data;
  return (
    <>
      <AdminOnlyNotice />
      {workspace.error && <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {current && <WorkspaceForm key={workspace.dataUpdatedAt} workspace={current} editable={isAdmin} />}
        </Col>
        <Col xs={24} xl={10}>
          <BackupCard editable={isAdmin} />
        </Col>
      </Row>
    </>
  );
}
