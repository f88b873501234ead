import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Card, Flex, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isOverdue } from './repeat';
import { TaskList } from './TaskList';
import { useMyDay } from './useTasks';

/** "My day" on the home page: my open tasks overdue (in red) or due today, then undated; tick them off here. */
export function MyDayCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const myDay = useMyDay();
  const tasks = myDay.data?.data ?? [];
  const overdue = tasks.filter((task) => isOverdue(task)).length;
  return (
    <Card
      data-testid="my-day"
      title={
        <Flex align="center" gap={8}>
          {t('tasks.myDay.title')}
          <Badge count={tasks.length} showZero color={token.colorPrimary} />
          {overdue > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 13, fontWeight: 400 }}>
              {t('tasks.myDay.overdue', { count: overdue })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={<Link to="/tasks">{t('tasks.myDay.all')}</Link>}
    >
      {myDay.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : myDay.error ? (
        <ErrorAlert error={myDay.error} onRetry={() => void myDay.refetch()} />
      ) : (
        <TaskList
          tasks={tasks}
          showRecord
          testId="my-day-tasks"
          empty={
            <Flex vertical align="center" gap={4} style={{ padding: '16px 0' }} data-testid="my-day-empty">
              <CheckCircleOutlined style={{ fontSize: 28, color: token.colorSuccess }} />
              <Typography.Text strong>{t('tasks.myDay.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('tasks.myDay.emptyText')}</Typography.Text>
            </Flex>
          }
        />
      )}
    </Card>
  );
}
