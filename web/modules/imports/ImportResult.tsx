import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Result, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportSession } from '../../app/types';
import { useFormat } from '../../app/useFormat';

/** Step 4: how many rows were created, updated, skipped and failed; the report of the rows with problems. */
export function ImportResult({ session, listPath, onAgain }: { session: ImportSession; listPath: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const problems = session.skipped + session.failed;
  const counts = [
    ['created', session.created],
    ['updated', session.updated],
    ['skipped', session.skipped],
    ['failed', session.failed],
  ] as const;
  return (
    <div data-testid="import-done">
      <Result
        status={session.status === 'failed' ? 'error' : problems ? 'warning' : 'success'}
        title={t(session.status === 'failed' ? 'imports.wizard.failedTitle' : 'imports.wizard.doneTitle')}
        subTitle={session.fileName}
        extra={
          <Flex gap={8} justify="center" wrap>
            {problems > 0 && (
              <a href={`/api/v1/imports/${session.id}/problems`} download data-testid="import-problems">
                <Button icon={<DownloadOutlined />}>{t('imports.wizard.problemsReport')}</Button>
              </a>
            )}
            <Button onClick={onAgain}>{t('imports.wizard.again')}</Button>
            <Link to={listPath}>
              <Button type="primary">{t('imports.wizard.toList')}</Button>
            </Link>
          </Flex>
        }
      />
      <Row gutter={16} justify="center">
        {counts.map(([key, value]) => (
          <Col key={key} xs={12} md={5}>
            <Statistic title={t(`imports.counts.${key}`)} value={format.number(value)} data-testid={`import-count-${key}`} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
