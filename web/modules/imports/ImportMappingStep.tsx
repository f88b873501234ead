import { Alert, Button, Flex, Radio, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_POLICIES, IMPORT_FIELDS } from '../../../contracts/customers';
import type { ImportPreviewRow, ImportSession } from '../../app/types';

interface ImportMappingStepProps {
  session: ImportSession;
  /** Sends a changed mapping or duplicate policy (PATCH); the session comes back with a new preview. */
  onChange: (patch: { mapping?: (string | null)[]; duplicatePolicy?: string }) => void;
  saving: boolean;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: each column → a field (prefilled from the server's suggestion), the duplicate policy, the preview. */
export function ImportMappingStep({ session, onChange, saving, onBack, onNext }: ImportMappingStepProps) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) =>
    field === 'name' ? t(session.objectType === 'accounts' ? 'fields.accountName' : 'fields.name') : t(`imports.targets.${field}`, { defaultValue: field });
  const targets = IMPORT_FIELDS[session.objectType];
  const mapped = [...new Set(session.mapping.filter((m): m is string => Boolean(m)))];
  const columns = session.headers.map((header, index) => ({
    index,
    header,
    target: session.mapping[index] ?? null,
    samples: session.preview
      .slice(0, 3)
      .map((row) => (session.mapping[index] ? row.values[session.mapping[index]] : undefined))
      .filter(Boolean),
  }));
  const setTarget = (index: number, target: string | null) => {
    // A field takes one column: choosing it here frees it elsewhere.
    const mapping = session.mapping.map((m, i) => (i === index ? target : m === target ? null : m));
    onChange({ mapping });
  };
  const withProblems = session.preview.filter((row) => row.problems.length).length;

  return (
    <Flex vertical gap={16}>
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={columns}
        data-testid="import-mapping"
        columns={[
          { title: t('imports.wizard.column'), dataIndex: 'header', render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
          {
            title: t('imports.wizard.field'),
            dataIndex: 'target',
            width: 220,
            render: (target: string | null, col) => (
              <Select
                value={target ?? ''}
                style={{ width: 200 }}
                aria-label={t('imports.wizard.fieldOf', { column: col.header })}
                data-testid={`import-map-${col.index}`}
                onChange={(next: string) => setTarget(col.index, next || null)}
                options={[{ value: '', label: t('imports.wizard.skipColumn') }, ...targets.map((f) => ({ value: f, label: fieldLabel(f) }))]}
              />
            ),
          },
          {
            title: t('imports.wizard.samples'),
            dataIndex: 'samples',
            render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text>,
          },
        ]}
      />
      <div>
        <Typography.Text strong>{t('imports.wizard.duplicates')}</Typography.Text>
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', marginTop: 8, gap: 4 }}
          value={session.duplicatePolicy}
          onChange={(event) => onChange({ duplicatePolicy: event.target.value as string })}
          options={DUPLICATE_POLICIES.map((p) => ({ value: p, label: t(`imports.policy.${p}`) }))}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('imports.wizard.preview', { count: session.totalRows })}</Typography.Title>
        {withProblems > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('imports.wizard.previewProblems', { count: withProblems })} />}
        <Table<ImportPreviewRow>
          size="small"
          rowKey="rowNo"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={session.preview}
          data-testid="import-preview"
          columns={[
            { title: '#', dataIndex: 'rowNo', width: 48 },
            ...mapped.map((field) => ({ title: fieldLabel(field), key: field, render: (_: unknown, row: ImportPreviewRow) => row.values[field] })),
            {
              title: t('imports.wizard.problems'),
              key: 'problems',
              render: (_: unknown, row: ImportPreviewRow) =>
                row.problems.length ? row.problems.map((p, i) => <Tag key={i} color="orange">{p.message}</Tag>) : <Tag color="green">{t('imports.wizard.rowOk')}</Tag>,
            },
          ]}
        />
      </div>
      <Flex justify="space-between">
        <Button onClick={onBack}>{t('imports.wizard.back')}</Button>
        <Button type="primary" loading={saving} disabled={!mapped.length} onClick={onNext} data-testid="import-next">
          {t('imports.wizard.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
