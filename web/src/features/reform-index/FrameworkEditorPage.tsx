import { CopyOutlined, DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
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
  Popconfirm,
  Row,
  Select,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api, apiUrl, isApiError } from '../../lib/api.ts';
import { notifyError, notifySuccess } from '../../lib/notify.tsx';
import { allowed } from '../../lib/roles.ts';
import { CopyFrameworkModal } from './CopyFrameworkModal.tsx';
import { CriterionForm, OpenCycleModal } from './FrameworkEditing.tsx';
import type { FrameworkDetail, FrameworkRow } from './reformIndex.api.ts';

type Crit = FrameworkDetail['criteria'][number];
type TreeProblem = { code: string; criterionCode?: string; params?: Record<string, unknown> };

/** Removes a criterion and everything under it; a parent left without children becomes a leaf again. */
function withoutNode(crit: Crit[], code: string): Crit[] {
  const gone = new Set([code]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of crit)
      if (c.parentCode && gone.has(c.parentCode) && !gone.has(c.code)) {
        gone.add(c.code);
        grew = true;
      }
  }
  const parent = crit.find((c) => c.code === code)?.parentCode;
  const left = crit.filter((c) => !gone.has(c.code));
  return left.map((c) =>
    c.code === parent && !left.some((x) => x.parentCode === c.code) ? { ...c, rule: { kind: 'free' } } : c,
  );
}

/** Adds a sub-criterion worth what is left of its parent's maximum (the parent becomes a sum). */
function withChild(crit: Crit[], parentCode: string, name: string): { criteria: Crit[]; code: string } {
  const parent = crit.find((c) => c.code === parentCode)!;
  const children = crit.filter((c) => c.parentCode === parentCode);
  let n = children.length + 1;
  while (crit.some((c) => c.code === `${parentCode}.${n}`)) n++;
  const code = `${parentCode}.${n}`;
  const left = Math.round((parent.maxPoints - children.reduce((t, c) => t + c.maxPoints, 0)) * 1000) / 1000;
  const child: Crit = {
    code,
    parentCode,
    name,
    maxPoints: children.length ? Math.max(left, 0) : parent.maxPoints,
    method: parent.method,
    rule: { kind: 'free' },
    evidenceRequired: false,
    allowNotApplicable: false,
  };
  // insert after the parent's last descendant so the order of the tree is kept
  let at = crit.findIndex((c) => c.code === parentCode);
  const under = new Set([parentCode]);
  for (let i = at + 1; i < crit.length; i++) {
    if (!under.has(crit[i]!.parentCode ?? '')) break;
    under.add(crit[i]!.code);
    at = i;
  }
  const next = crit.map((c) => (c.code === parentCode ? { ...c, rule: { kind: 'sum' } } : c));
  next.splice(at + 1, 0, child);
  return { criteria: next, code };
}

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
  // edits are kept here until "save": a tree is only valid as a whole (children add up to the parent)
  const [work, setWork] = useState<Crit[] | null>(null);
  const [treeProblems, setTreeProblems] = useState<TreeProblem[]>();
  const [opening, setOpening] = useState(false);
  // ?copyTo=<group id> (from the peer group screen) opens "copy from last year" for that group
  const copyTo = params.get('copyTo') ?? undefined;
  const [copying, setCopying] = useState(false);
  const manager = allowed(useMe().data, ['reform_coordinator', 'admin']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new framework starts without local edits
  useEffect(() => {
    setWork(null);
    setTreeProblems(undefined);
  }, [id]);
  const editable = fw.data?.status === 'draft';
  const criteria = work ?? fw.data?.criteria ?? [];
  const save = useMutation({
    mutationFn: () =>
      api.patch<FrameworkRow>(`/reform-index/frameworks/${id}`, { version: fw.data!.version, criteria: work }),
    meta: { silent: true },
    onSuccess: async () => {
      notifySuccess(t('reformIndex.saved'));
      setTreeProblems(undefined);
      await qc.invalidateQueries({ queryKey: ['ri-framework', id] });
      setWork(null);
    },
    onError: (err) => {
      if (isApiError(err, 'RI_FRAMEWORK_INVALID')) setTreeProblems(err.problem.problems as unknown as TreeProblem[]);
      else notifyError(err);
    },
  });
  const change = (code: string, patch: Partial<Crit>) =>
    setWork(criteria.map((c) => (c.code === code ? { ...c, ...patch } : c)));
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
    const crit = criteria;
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
  }, [criteria, tx]);
  const sel: Crit | undefined = criteria.find((c) => c.code === selected);
  const selIsLeaf = !!sel && !criteria.some((c) => c.parentCode === sel.code);
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
            {manager && (
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="ri-copy-framework">
                {t('reformIndex.copyFromLastYear')}
              </Button>
            )}
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
            {editable && (
              <Button type="primary" disabled={!!work} onClick={() => setOpening(true)} data-testid="ri-open-cycle">
                {t('reformIndex.openCycle')}
              </Button>
            )}
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
        {fw.data && !editable && (
          <Alert type="info" showIcon title={t('reformIndex.frozenNote')} style={{ marginTop: 12 }} />
        )}
        {work && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="ri-unsaved"
            title={t('reformIndex.unsaved')}
            action={
              <Flex gap={8}>
                <Button
                  onClick={() => {
                    setWork(null);
                    setTreeProblems(undefined);
                  }}
                >
                  {t('reformIndex.discard')}
                </Button>
                <Button
                  type="primary"
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                  data-testid="ri-save-framework"
                >
                  {t('reformIndex.saveFramework')}
                </Button>
              </Flex>
            }
          />
        )}
        {treeProblems && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="ri-tree-problems"
            title={t('reformIndex.frameworkProblems')}
            description={
              <List
                size="small"
                dataSource={treeProblems.slice(0, 50)}
                renderItem={(p) => (
                  <List.Item>
                    {p.criterionCode ? `${p.criterionCode}: ` : ''}
                    {tx(`reformIndex.treeProblem_${p.code}`, p.code)}
                    {p.params && Object.keys(p.params).length ? ` (${JSON.stringify(p.params)})` : ''}
                  </List.Item>
                )}
              />
            }
          />
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
                // remounted when criteria are added or removed, so a new sub-criterion shows expanded
                key={criteria.length}
                treeData={tree}
                defaultExpandAll
                showLine
                blockNode
                selectedKeys={selected ? [selected] : []}
                // a second click on the selected criterion keeps it selected (its form stays open)
                onSelect={(_, info) => setSelected(String(info.node.key))}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card
            title={editable && sel ? t('reformIndex.editNode') : t('reformIndex.criterion')}
            extra={
              editable &&
              sel && (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    data-testid="ri-add-child"
                    onClick={() => {
                      const r = withChild(criteria, sel.code, t('reformIndex.newCriterion'));
                      setWork(r.criteria);
                      setSelected(r.code);
                    }}
                  >
                    {t('reformIndex.addChild')}
                  </Button>
                  <Popconfirm
                    title={t('reformIndex.removeConfirm', { code: sel.code })}
                    onConfirm={() => {
                      setWork(withoutNode(criteria, sel.code));
                      setSelected(undefined);
                    }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('reformIndex.removeNode')} />
                  </Popconfirm>
                </Flex>
              )
            }
          >
            {editable && sel ? (
              <CriterionForm
                key={sel.code}
                criterion={sel}
                leaf={selIsLeaf}
                onChange={(patch) => change(sel.code, patch)}
              />
            ) : sel ? (
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
              <Typography.Text type="secondary">{t('reformIndex.selectNode')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <CopyFrameworkModal
        open={copying || !!copyTo}
        frameworks={list.data ?? []}
        groupId={copyTo}
        onClose={() => {
          setCopying(false);
          if (copyTo) setParams(id ? { id } : {});
        }}
        onCopied={(newId) => {
          setCopying(false);
          setParams({ id: newId });
        }}
      />
      {fw.data && <OpenCycleModal open={opening} framework={fw.data} onClose={() => setOpening(false)} />}
    </Flex>
  );
}
