import { createHash } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { units } from '../org/org.table.ts';
import { feedbackCategories, feedbackOpen311Keys, feedbackRoutingRules } from './feedback.table.ts';

/** The demo Open311 api_key (documented in open311/README.md). */
export const DEMO_OPEN311_KEY = 'cchc-open311-demo-key';

const URGENCY = {
  code: 'urgency',
  datatype: 'singlevaluelist',
  required: false,
  description: 'Mức độ khẩn (QĐ 1207/QĐ-UBND)',
  order: 2,
  values: [
    { key: 'binh_thuong', name: 'Bình thường' },
    { key: 'khan', name: 'Khẩn' },
    { key: 'phuc_tap', name: 'Phức tạp' },
  ],
};
const DOSSIER = {
  code: 'dossier_code',
  datatype: 'string',
  required: false,
  description: 'Mã hồ sơ TTHC liên quan (nếu có)',
  order: 1,
};
const TITLE = { code: 'title', datatype: 'string', required: false, description: 'Tiêu đề ngắn', order: 3 };

type Cat = typeof feedbackCategories.$inferInsert;
const cat = (code: string, name: string, nameEn: string, kind: string, hot: boolean, attrs: object[]): Cat => ({
  code,
  name,
  nameEn,
  kind,
  hot,
  attributes: [...attrs, TITLE],
});

/** Categories of citizens' feedback (QĐ 766 5.1 groups; iHanoi field-report topics). */
export const DEFAULT_CATEGORIES: Cat[] = [
  cat('thu-tuc-hanh-chinh', 'Quy định, thủ tục hành chính', 'Administrative rules and procedures', 'procedure', false, [
    DOSSIER,
  ]),
  cat('hanh-vi-can-bo', 'Hành vi, thái độ của cán bộ, công chức', 'Conduct of civil servants', 'officer', false, [
    DOSSIER,
  ]),
  cat('dat-dai', 'Đất đai, giấy chứng nhận quyền sử dụng đất', 'Land and land-use certificates', 'procedure', true, [
    DOSSIER,
  ]),
  cat('cap-phep-xay-dung', 'Cấp giấy phép xây dựng', 'Building permits', 'procedure', true, [DOSSIER]),
  cat('dang-ky-kinh-doanh', 'Đăng ký kinh doanh', 'Business registration', 'procedure', true, [DOSSIER]),
  cat('trat-tu-xay-dung', 'Trật tự xây dựng', 'Construction order', 'field', false, [URGENCY]),
  cat('moi-truong', 'Môi trường, vệ sinh đô thị', 'Environment and sanitation', 'field', false, [URGENCY]),
  cat('giao-thong', 'Giao thông, lấn chiếm vỉa hè', 'Traffic and pavement encroachment', 'field', false, [URGENCY]),
  cat(
    'ha-tang-do-thi',
    'Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)',
    'Urban infrastructure (lighting, drainage, trees)',
    'field',
    false,
    [URGENCY],
  ),
  cat('khac', 'Lĩnh vực khác', 'Other', 'field', false, []),
].map((c, i) => ({ ...c, sortOrder: i }));

/**
 * Categories, routing rules for every district that has wards (ward-level field reports go to
 * the ward; "hot" fields to the competent division, answered by its head; the rest to the
 * district's office), and the demo Open311 key. Idempotent. Units are found by kind and name,
 * not by code, so the rules follow whichever organisation list is loaded.
 */
export async function seedFeedbackReference(db: DbOrTx) {
  await db.insert(feedbackCategories).values(DEFAULT_CATEGORIES).onConflictDoNothing();
  await db
    .insert(feedbackOpen311Keys)
    .values({ name: 'Demo Open311 client', keyHash: createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex') })
    .onConflictDoNothing();
  if ((await db.select({ id: feedbackRoutingRules.id }).from(feedbackRoutingRules).limit(1)).length) return;

  const wards = await db
    .select()
    .from(units)
    .where(inArray(units.kind, ['ward', 'commune']));
  const parentIds = [...new Set(wards.map((w) => w.parentId).filter((x): x is string => !!x))];
  const rules: (typeof feedbackRoutingRules.$inferInsert)[] = [];
  for (const pid of parentIds) {
    const [district] = await db.select().from(units).where(eq(units.id, pid));
    if (!district) continue;
    const children = await db
      .select()
      .from(units)
      .where(and(eq(units.parentId, pid), inArray(units.kind, ['department', 'team'])));
    const find = (re: RegExp) => children.find((c) => re.test(c.name));
    const office = find(/Văn phòng/) ?? district;
    const route = (
      categoryCode: string | null,
      unit: typeof district | undefined,
      note: string,
      headAnswers?: boolean,
    ) =>
      rules.push({
        categoryCode,
        areaUnitId: district.id,
        responsibleUnitId: (unit ?? office).id,
        note,
        headAnswers: headAnswers ?? null,
      });
    route(null, office, 'Mặc định: Văn phòng HĐND-UBND');
    route('thu-tuc-hanh-chinh', office, 'Kiểm soát TTHC: Văn phòng');
    route('hanh-vi-can-bo', find(/Nội vụ/), 'Công vụ: Phòng Nội vụ');
    route('dat-dai', find(/Tài nguyên/) ?? find(/đô thị/), 'Lĩnh vực nóng: Trưởng phòng TN&MT trả lời', true);
    route('cap-phep-xay-dung', find(/Quản lý đô thị/), 'Lĩnh vực nóng: Trưởng phòng QLĐT trả lời', true);
    route(
      'dang-ky-kinh-doanh',
      find(/Tài chính/) ?? find(/Kinh tế/),
      'Lĩnh vực nóng: Trưởng phòng TC-KH trả lời',
      true,
    );
    route('trat-tu-xay-dung', find(/trật tự xây dựng/i) ?? find(/đô thị/), 'Trật tự xây dựng chung của quận');
    route('ha-tang-do-thi', find(/Quản lý đô thị/), 'Hạ tầng đô thị: Phòng QLĐT');
    route('moi-truong', find(/Tài nguyên/), 'Môi trường: Phòng TN&MT');
    for (const w of wards.filter((x) => x.parentId === pid)) {
      for (const c of ['trat-tu-xay-dung', 'moi-truong', 'giao-thong', 'khac']) {
        rules.push({
          categoryCode: c,
          areaUnitId: w.id,
          responsibleUnitId: w.id,
          note: 'Hiện trường: UBND phường sở tại',
        });
      }
    }
  }
  if (rules.length) await db.insert(feedbackRoutingRules).values(rules);
}

/** Units of a district subtree (used by the demo). */
export const unitsUnder = (db: DbOrTx, path: string) =>
  db
    .select()
    .from(units)
    .where(like(units.path, `${path}%`));
