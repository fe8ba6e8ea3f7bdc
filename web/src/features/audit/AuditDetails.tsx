import { Collapse, Descriptions, Empty, Table, Typography } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { AuditEntry } from './AuditPage.tsx';
import { diffEntries, type FieldChange, showValue } from './diff.ts';

const cell = (v: unknown, tone: 'before' | 'after', changed: boolean) =>
  v === undefined ? null : (
    <code
      style={{
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        background: changed ? (tone === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
        color: changed && tone === 'before' ? '#a8071a' : undefined,
        textDecoration: changed && tone === 'before' ? 'line-through' : undefined,
        padding: '0 4px',
        borderRadius: 4,
      }}
    >
      {showValue(v)}
    </code>
  );

/** before → after of one entry, field by field, plus the raw JSON. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useT();
  const rows = diffEntries(entry.before, entry.after);
  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'target', label: t('audit.targetId'), children: entry.targetId ?? t('common.none') },
          { key: 'req', label: t('audit.requestId'), children: entry.requestId ?? t('common.none') },
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? t('common.none') },
        ]}
      />
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />
      ) : (
        <Table<FieldChange>
          size="small"
          rowKey="field"
          tableLayout="fixed"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('audit.field'),
              dataIndex: 'field',
              width: 180,
              render: (f: string, r) => <Typography.Text strong={r.changed}>{f || t('common.none')}</Typography.Text>,
            },
            { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r) => cell(v, 'before', r.changed) },
            { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r) => cell(v, 'after', r.changed) },
          ]}
        />
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'raw',
            label: t('audit.rawJson'),
            children: (
              <pre style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}
