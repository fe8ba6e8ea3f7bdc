import { gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { HCM_OFFSET_MS, hcmDate } from '../../../calendar/index.ts';
import type { Db } from '../../../db/client.ts';
import { normaliseSearch, redactPersonal } from '../domain/normalise.ts';
import { isOpen, open311Status } from '../domain/workflow.ts';
import { cachedUnit, reference } from '../feedback.reference.ts';
import * as repo from '../feedback.repository.ts';
import type { IntakeInput } from '../feedback.schemas.ts';
import { feedbackItems } from '../feedback.table.ts';
import { Open311Error } from './open311.errors.ts';
import type { Open311Row } from './open311.repository.ts';
import * as o311 from './open311.repository.ts';

/** W3C datetime with the Hà Nội offset, e.g. 2023-03-14T09:30:00+07:00. */
export function hcmTimestamp(d: Date | null | undefined): string | null {
  if (!d) return null;
  const t = new Date(d.getTime() + HCM_OFFSET_MS).toISOString().slice(0, 19);
  return `${t}+07:00`;
}

export function discovery(base: string) {
  return {
    changeset: '2026-11-27T00:00:00+07:00',
    contact: 'Bộ phận tiếp nhận phản ánh, kiến nghị — xem trang Phản ánh của cchc',
    key_service: `${base}/docs (api_key: liên hệ quản trị hệ thống)`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${base}/open311/v2`,
        changeset: '2026-11-27T00:00:00+07:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function services(db: Db, locale: 'vi' | 'en') {
  const cats = await repo.listCategories(db);
  return cats
    .filter((c) => c.active)
    .map((c) => ({
      service_code: c.code,
      service_name: locale === 'en' ? c.nameEn : c.name,
      description: `${c.name} (${c.nameEn}). Trả lời trong ${c.answerDays} ngày làm việc${c.hot ? '; lĩnh vực nóng, Trưởng đơn vị trả lời trực tiếp' : ''}.`,
      metadata: true,
      type: 'realtime',
      keywords: [c.code, c.kind, ...(c.hot ? ['hot'] : [])].join(','),
      group:
        c.kind === 'field'
          ? 'Phản ánh hiện trường'
          : c.kind === 'officer'
            ? 'Hành vi cán bộ'
            : 'Quy định, thủ tục hành chính',
    }));
}

interface Attr {
  code: string;
  datatype: string;
  required: boolean;
  description: string;
  order: number;
  values?: { key: string; name: string }[];
}

export async function serviceDefinition(db: Db, code: string) {
  const c = await repo.getCategory(db, code);
  if (!c?.active) throw new Open311Error(404, `Unknown service_code ${code}`);
  return {
    service_code: c.code,
    attributes: (c.attributes as Attr[]).map((a) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype === 'singlevaluelist' ? 'Chọn một giá trị' : null,
      order: a.order,
      description: a.description,
      ...(a.values ? { values: a.values } : {}),
    })),
  };
}

const STATUS_NOTE: Record<string, string> = {
  received: 'Đã tiếp nhận',
  rejected: 'Từ chối tiếp nhận',
  info_requested: 'Chờ người gửi bổ sung thông tin',
  info_supplied: 'Đã bổ sung thông tin',
  assigned: 'Đang xử lý',
  answer_drafted: 'Đang xử lý (dự thảo trả lời)',
  answer_approved: 'Đang xử lý (đã duyệt trả lời)',
  sent: 'Đã trả lời',
  published: 'Đã trả lời và công khai',
};

function toRequest(i: Open311Row, names: Map<string, string>) {
  const who = { name: i.reporterName, address: i.reporterAddress };
  const closedAt = i.publishedAt ?? i.sentAt ?? i.rejectedAt;
  return {
    service_request_id: i.code,
    status: open311Status(i.status),
    status_notes:
      i.status === 'published' && i.answerText
        ? `${STATUS_NOTE.published}: ${redactPersonal(i.answerText, who)}`
        : i.status === 'rejected'
          ? `${STATUS_NOTE.rejected}: ${i.rejectReason ?? ''}`
          : (STATUS_NOTE[i.status] ?? i.status),
    service_name: null as string | null,
    service_code: i.categoryCode,
    description: redactPersonal(i.content, who),
    agency_responsible: names.get(i.responsibleUnitId) ?? null,
    service_notice: null,
    requested_datetime: hcmTimestamp(i.receivedAt),
    updated_datetime: hcmTimestamp(isOpen(i.status) ? i.updatedAt : (closedAt ?? i.updatedAt)),
    expected_datetime: isOpen(i.status) ? `${i.answerDue}T17:00:00+07:00` : null,
    address: i.address,
    address_id: i.areaUnitId,
    zipcode: null,
    lat: i.lat,
    long: i.long,
    media_url: null,
  };
}

async function withNames(db: Db, rows: Open311Row[]) {
  const ids = [...new Set(rows.map((r) => r.responsibleUnitId))];
  const us = await Promise.all(ids.map((id) => cachedUnit(db, id)));
  const names = new Map(us.filter((u) => !!u).map((u) => [u!.id, u!.name]));
  const cats = (await reference(db)).categories;
  return rows.map((r) => ({ ...toRequest(r, names), service_name: cats.get(r.categoryCode)?.name ?? r.categoryCode }));
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function parseDate(v: string | undefined, name: string): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v))
    throw new Open311Error(400, `${name} must be a W3C datetime`);
  return d;
}

/** GET requests: service_request_id overrides the other filters; else the last 90 days by default. */
export async function listRequests(db: Db, q: Record<string, string>) {
  // service_request_id: those requests, whatever their state
  const ids = list(q.service_request_id);
  const conds: SQL[] = [sql`${feedbackItems.status} <> 'rejected'`, isNull(feedbackItems.duplicateOfId)];
  if (!ids.length) {
    const end = parseDate(q.end_date, 'end_date') ?? new Date();
    const start = parseDate(q.start_date, 'start_date') ?? new Date(end.getTime() - 90 * 86_400_000);
    if (start > end) throw new Open311Error(400, 'start_date is after end_date');
    conds.push(gte(feedbackItems.receivedAt, start), lt(feedbackItems.receivedAt, end));
    const codes = list(q.service_code);
    if (codes.length) conds.push(inArray(feedbackItems.categoryCode, codes));
    const st = list(q.status);
    for (const s of st)
      if (s !== 'open' && s !== 'closed') throw new Open311Error(400, `status must be open or closed, not ${s}`);
    if (st.length === 1)
      conds.push(
        st[0] === 'open'
          ? sql`${feedbackItems.status} not in ('sent', 'published')`
          : sql`${feedbackItems.status} in ('sent', 'published')`,
      );
  }
  const pageSize = Math.min(Math.max(Number(q.page_size) || 1000, 1), 1000);
  const offset = (Math.max(Number(q.page) || 1, 1) - 1) * pageSize;
  const rows = ids.length
    ? await o311.byCodes(db, ids.slice(0, 100), pageSize, offset)
    : await o311.matching(db, conds, pageSize, offset);
  return withNames(db, rows);
}

export async function oneRequest(db: Db, code: string) {
  const [it] = await o311.byCodes(db, [code], 1, 0);
  if (!it || it.status === 'rejected') throw new Open311Error(404, `Unknown service_request_id ${code}`);
  return withNames(db, [it]);
}

/** Tokens: the item id returned to a client stands for its request id. */
export async function byToken(db: Db, token: string) {
  if (!/^[0-9a-f-]{36}$/.test(token)) throw new Open311Error(404, 'Unknown token');
  const it = await repo.getItem(db, token);
  if (!it) throw new Open311Error(404, 'Unknown token');
  return [{ service_request_id: it.code, token }];
}

export const notice = (answerDue: string) => `Đã tiếp nhận; hạn trả lời ${answerDue.split('-').reverse().join('/')}`;

/**
 * Maps an Open311 POST onto an intake. The ward comes from address_id (unit id or code) or from a
 * ward name inside address_string; identity per Decree 20/2008: first/last name, phone or e-mail,
 * and attribute[reporter_address] (else the address_string).
 */
export async function toIntake(
  db: Db,
  b: Record<string, string>,
  ref: Awaited<ReturnType<typeof reference>>,
): Promise<IntakeInput> {
  if (!b.service_code) throw new Open311Error(400, 'service_code is required');
  const cat = ref.categories.get(b.service_code);
  if (!cat?.active) throw new Open311Error(404, `Unknown service_code ${b.service_code}`);
  const hasLat = b.lat !== undefined && b.lat !== '';
  const hasLong = b.long !== undefined && b.long !== '';
  if (!hasLat && !hasLong && !b.address_string && !b.address_id)
    throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');
  const lat = hasLat ? Number(b.lat) : undefined;
  const long = hasLong ? Number(b.long) : undefined;
  if ((hasLat && !Number.isFinite(lat)) || (hasLong && !Number.isFinite(long)))
    throw new Open311Error(400, 'lat and long must be numbers');
  const areas = await repo.listAreas(db);
  let area = b.address_id ? areas.find((a) => a.id === b.address_id || a.code === b.address_id) : undefined;
  if (!area && b.address_string) {
    const addr = normaliseSearch(b.address_string);
    area = [...areas]
      .sort((x, y) => y.shortName.length - x.shortName.length)
      .find((a) => addr.includes(normaliseSearch(a.shortName)));
  }
  if (!area) throw new Open311Error(400, 'address_id (a ward) is required, or a ward name in address_string');
  const description = (b.description ?? '').trim();
  if (!description) throw new Open311Error(400, 'description is required');
  if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4000 characters');
  const name = [b.first_name, b.last_name].filter((x) => x?.trim()).join(' ');
  const title = b['attribute[title]']?.trim() || description.slice(0, 80);
  return {
    categoryCode: cat.code,
    title: title.slice(0, 200),
    content: description,
    areaUnitId: area.id,
    address: (b.address_string || area.name).slice(0, 300),
    ...(lat !== undefined ? { lat } : {}),
    ...(long !== undefined ? { long } : {}),
    ...(b['attribute[dossier_code]'] ? { dossierCode: b['attribute[dossier_code]'].slice(0, 60) } : {}),
    ...(name ? { reporterName: name.slice(0, 120) } : {}),
    reporterAddress: (b['attribute[reporter_address]'] || b.address_string || '').slice(0, 300) || undefined,
    ...(b.phone ? { reporterPhone: b.phone.slice(0, 20) } : {}),
    ...(b.email ? { reporterEmail: b.email.slice(0, 200) } : {}),
  } as IntakeInput;
}

export { hcmDate };
