import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Select,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl, isApiError } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import type { FrameworkDetail, FrameworkRow } from './reformIndex.api.ts';

type Crit = FrameworkDetail['criteria'][number];

/** Framework editor: the criteria tree (areas → criteria → sub-criteria) with maxima, methods and rules; xlsx import/export. */
export default function FrameworkEditorPage() {
  const { t, tx, formatNumber } = useT();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const list = useQuery({
    queryKey: ['ri-frameworks'],
    queryFn: ({ signal }) => api.get<FrameworkRow[]>('/reform-index/frameworks', undefined, signal),
  });
  const id = params.get('id') ?? list.data?.[0]?.id;
  const fw = useQuery({
    queryKey: ['ri-framework', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<FrameworkDetail>(`/reform-index/frameworks/${id}`, undefined, signal),
  });
  const [selected, setSelected] = useState<string>();
  const [importErrors, setImportErrors] = useState<{ row: number; column?: string; message: string }[]>();
  const imp = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/reform-index/frameworks/${id}/import`, form);
    },
    meta: { silent: true },
    onSuccess: () => {
      setImportErrors(undefined);
      notifySuccess(t('reformIndex.saved'));
      qc.invalidateQueries({ queryKey: ['ri-framework', id] });
    },
    onError: (err) => {
      if (isApiError(err, 'RI_IMPORT_INVALID')) setImportErrors(err.problem.errors as never);
      else notifyError(err);
    },
  });
  const fmt = (n: number) => formatNumber(n);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fmt follows the language, as tx does
  const tree = useMemo<TreeDataNode[]>(() => {
    const crit = fw.data?.criteria ?? [];
    const build = (parent: string | null): TreeDataNode[] =>
      crit
        .filter((c) => c.parentCode === parent)
        .map((c) => {
          const children = build(c.code);
          return {
            key: c.code,
            title: (
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong={parent === null}>
                  {c.code}. {c.name}
                </Typography.Text>
                <Tag color="blue">{fmt(c.maxPoints)}</Tag>
                {!children.length && <Tag>{tx(`reformIndex.method_${c.method}`)}</Tag>}
                {c.evidenceRequired && <Tag color="gold">TLKC</Tag>}
              </Flex>
            ),
            children: children.length ? children : undefined,
          };
        });
    return build(null);
  }, [fw.data, tx]);
  const sel: Crit | undefined = fw.data?.criteria.find((c) => c.code === selected);
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('reformIndex.navFrameworks')}
        extra={
          <Flex gap={8} wrap>
            <Select
              style={{ minWidth: 340 }}
              value={id}
              onChange={(v) => setParams({ id: v })}
              options={(list.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }))}
            />
            <Button
              icon={<DownloadOutlined />}
              href={id ? apiUrl(`/reform-index/frameworks/${id}/export.xlsx`) : undefined}
            >
              {t('reformIndex.exportXlsx')}
            </Button>
            <Upload
              showUploadList={false}
              accept=".xlsx"
              disabled={fw.data?.status !== 'draft'}
              beforeUpload={(file) => {
                imp.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={fw.data?.status !== 'draft'}>
                {t('reformIndex.importXlsx')}
              </Button>
            </Upload>
          </Flex>
        }
      >
        {fw.data && (
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('reformIndex.framework')}>{fw.data.code}</Descriptions.Item>
            <Descriptions.Item label={t('reformIndex.year')}>{fw.data.year}</Descriptions.Item>
            <Descriptions.Item label={t('reformIndex.group')}>{fw.data.groupCode}</Descriptions.Item>
            <Descriptions.Item label={t('reformIndex.status')}>
              <Tag color={fw.data.status === 'draft' ? 'default' : 'green'}>{tx(`reformIndex.${fw.data.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
        )}
        {importErrors && (
          <Alert
            type="error"
            showIcon
            message={t('reformIndex.importErrors')}
            description={
              <List
                size="small"
                dataSource={importErrors.slice(0, 50)}
                renderItem={(e) => (
                  <List.Item>
                    {t('reformIndex.row', { row: e.row })}
                    {e.column ? ` · ${e.column}` : ''}: {e.message}
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card loading={fw.isLoading} data-testid="ri-framework-tree">
            {tree.length ? (
              <Tree
                treeData={tree}
                defaultExpandAll
                showLine
                blockNode
                onSelect={(k) => setSelected(String(k[0] ?? ''))}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('reformIndex.criterion')}>
            {sel ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('reformIndex.criterion')}>
                  {sel.code}. {sel.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('reformIndex.max')}>{fmt(sel.maxPoints)}</Descriptions.Item>
                <Descriptions.Item label={t('reformIndex.method')}>
                  {tx(`reformIndex.method_${sel.method}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('reformIndex.rule')}>
                  {tx(`reformIndex.rule_${sel.rule.kind}`)}
                  {sel.rule.levels && (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {sel.rule.levels.map((l) => (
                        <li key={l.points}>
                          {fmt(l.points)} — {l.label}
                        </li>
                      ))}
                    </ul>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('reformIndex.evidenceRequired')}>
                  {sel.evidenceRequired ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('reformIndex.notApplicable')}>
                  {sel.allowNotApplicable ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                {sel.metricKey && <Descriptions.Item label="metric">{sel.metricKey}</Descriptions.Item>}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('reformIndex.criterion')} …</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
