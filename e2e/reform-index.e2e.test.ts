import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type Journey, openJourney, SHOTS_DIR } from './helpers.ts';

const run = hasChromium || process.env.CI ? describe : describe.skip;

/** A small framework of a Bắc Từ Liêm department peer group for 2024, created as a draft by the coordinator. */
const crit = (code: string, parentCode: string | null, name: string, maxPoints: number, extra = {}) => ({
  code,
  parentCode,
  name,
  maxPoints,
  method: 'appraisal',
  rule: { kind: parentCode === null ? 'sum' : 'free' },
  evidenceRequired: false,
  allowNotApplicable: false,
  ...extra,
});
const CRITERIA = [
  crit('1', null, 'Công tác chỉ đạo, điều hành CCHC', 10),
  crit('1.1', '1', 'Ban hành kế hoạch CCHC năm', 4, {
    rule: {
      kind: 'tiered',
      levels: [
        { label: 'Ban hành đúng hạn', points: 4 },
        { label: 'Ban hành chậm', points: 2 },
        { label: 'Không ban hành', points: 0 },
      ],
    },
  }),
  crit('1.2', '1', 'Kiểm tra công tác CCHC', 3),
  crit('1.3', '1', 'Tuyên truyền CCHC', 3),
  crit('2', null, 'Mức độ hài lòng của người dân', 5),
  crit('2.1', '2', 'Điều tra xã hội học: mức độ hài lòng', 5, { method: 'survey' }),
];

run('journey: a PAR Index cycle from the framework editor to a correction after publication', () => {
  let j: Journey;
  let url = '';
  let frameworkId = '';
  const FRAMEWORK_NAME = 'Chỉ số CCHC các phòng chuyên môn năm 2024 (thử nghiệm)';
  const LAST_YEAR_NAME = 'Chỉ số CCHC các phòng chuyên môn năm 2023 (thử nghiệm)';
  const shot = (page: Page, name: string, fullPage = true) =>
    // transitions finished: a control just enabled or checked is shown in its final state
    page.screenshot({ path: join(SHOTS_DIR, `reform-index-journey-${name}.png`), fullPage, animations: 'disabled' });
  /** the answer of the server to a request whose path contains `part` and whose method is `method` */
  const answer = (page: Page, method: string, part: string | RegExp) =>
    page.waitForResponse(
      (r: Response) =>
        r.request().method() === method &&
        (typeof part === 'string' ? r.url().includes(part) : part.test(new URL(r.url()).pathname)),
    );

  const pages = new Map<string, Page>();
  /** one signed-in page per account for the whole journey (sign-ins are rate limited per address) */
  async function signedIn(login: string): Promise<Page> {
    const known = pages.get(login);
    if (known) return known;
    const page = await signIn(login);
    pages.set(login, page);
    return page;
  }
  // the first paint of the SPA can be slow on a loaded machine: the sign-in form gets more time
  const signIn = (login: string) => j.signIn(login, { formTimeout: 60_000 });
  /** the work screen's card of this journey's cycle */
  const card = (page: Page) => page.locator('.ant-card', { hasText: FRAMEWORK_NAME }).first();

  beforeAll(async () => {
    j = await openJourney();
    url = j.url;
    // last year's group and framework (2023) are the fixture: this journey's coordinator makes the
    // 2024 group on the peer-group screen and copies the 2023 framework into it (first test)
    const page = await signedIn('noivu.btl@cchc.local');
    const me = await (await page.request.get(`${url}/api/v1/auth/me`)).json();
    const headers = { 'x-csrf-token': me.csrfToken as string };
    const g = await page.request.post(`${url}/api/v1/reform-index/groups`, {
      headers,
      data: {
        code: 'E2E-PCM',
        year: 2023,
        name: 'Các phòng chuyên môn quận Bắc Từ Liêm năm 2023',
        labelVi: 'phòng chuyên môn',
        ownerUnitCode: 'HN-BTL',
        units: [{ unitCode: 'HN-BTL-PB-QLDT', block: 'departments' }],
      },
    });
    expect(g.status(), await g.text()).toBe(201);
    const f = await page.request.post(`${url}/api/v1/reform-index/frameworks`, {
      headers,
      data: { groupId: (await g.json()).id, code: 'E2E-PCM-2023', name: LAST_YEAR_NAME, criteria: CRITERIA },
    });
    expect(f.status(), await f.text()).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await j?.close();
  });

  it("the coordinator makes the 2024 peer group on the unit tree and copies last year's framework into it", async () => {
    const page = await signedIn('noivu.btl@cchc.local');
    await page.goto(`${url}/reform-index/groups`);
    await page.getByTestId('ri-new-group').click();
    const form = page.locator('form#ri-group');
    await form.getByLabel('Mã nhóm (giữ nguyên qua các năm)').fill('E2E-PCM');
    await form.getByLabel('Năm', { exact: true }).fill('2024');
    await form.getByLabel('Tên nhóm').fill('Các phòng chuyên môn quận Bắc Từ Liêm năm 2024');
    await form.getByLabel('Tên gọi chung của đơn vị').fill('phòng chuyên môn');
    // the owner is the coordinator's district; its departments, team and 13 wards are on the tree
    const unitTree = page.getByTestId('ri-group-unit-tree');
    const node = (code: string) => unitTree.locator('.ant-tree-treenode', { hasText: `(${code})` });
    await node('HN-BTL-P-TC').waitFor({ timeout: 60_000 });
    // quick picks by block: Bắc Từ Liêm has 13 wards
    await page.getByTestId('ri-group-quick-picks').getByRole('button', { name: 'Phường, xã (13)' }).waitFor();
    await node('HN-BTL-PB-QLDT').locator('.ant-tree-checkbox').click();
    // the member's block comes from the unit (departments) and can be changed
    const members = page.getByTestId('ri-group-members');
    await members.getByText('Quản lý đô thị').waitFor();
    expect(await members.getByLabel('Khối HN-BTL-PB-QLDT').inputValue()).toBe('departments');
    await expect.poll(() => page.getByTestId('ri-save-group').isEnabled(), { timeout: 60_000 }).toBe(true);
    await shot(page, 'group-new');
    const created = answer(page, 'POST', /\/reform-index\/groups$/);
    await page.getByTestId('ri-save-group').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const groupId = (await res.json()).id as string;
    await page.waitForURL(`**/reform-index/groups?id=${groupId}`);
    await page.getByText('Sửa nhóm xếp hạng').waitFor();
    // the group read back; its name edited (PATCH with the version read)
    await form.getByLabel('Tên nhóm').fill('Các phòng chuyên môn thuộc UBND quận Bắc Từ Liêm năm 2024');
    const edited = answer(page, 'PATCH', `/reform-index/groups/${groupId}`);
    await page.getByTestId('ri-save-group').click();
    expect((await edited).status()).toBe(200);
    await page
      .locator('.ant-table-row', { hasText: 'Các phòng chuyên môn thuộc UBND quận Bắc Từ Liêm năm 2024' })
      .waitFor({ timeout: 60_000 });

    // from the group: its framework, copied from last year's framework of the same group code
    await page.getByRole('button', { name: 'Tạo bộ chỉ số cho nhóm' }).click();
    const modal = page.locator('.ant-modal', { hasText: 'Bộ chỉ số nguồn' });
    await modal.getByText(`2023 · ${LAST_YEAR_NAME} (E2E-PCM-2023)`).waitFor({ timeout: 60_000 });
    expect(await modal.getByLabel('Mã bộ chỉ số mới').inputValue()).toBe('E2E-PCM-2024');
    await shot(page, 'framework-copy', false);
    const copied = answer(page, 'POST', '/copy');
    await page.getByTestId('ri-copy-ok').click();
    const c = await copied;
    expect(c.status(), await c.text()).toBe(201);
    frameworkId = (await c.json()).id;
    await page.waitForURL(`**/reform-index/frameworks?id=${frameworkId}`);
    await page.getByText('E2E-PCM-2024').first().waitFor();
    await page.getByTestId('ri-framework-tree').getByText('1.1. Ban hành kế hoạch CCHC năm').waitFor();
    const fw = await (await page.request.get(`${url}/api/v1/reform-index/frameworks/${frameworkId}`)).json();
    expect(fw).toMatchObject({ name: FRAMEWORK_NAME, year: 2024, status: 'draft', groupCode: 'E2E-PCM' });
    expect(fw.criteria.map((x: { code: string }) => x.code)).toEqual(CRITERIA.map((x) => x.code));
  });

  it('the coordinator edits a node of the draft framework; the server refuses a tree that does not add up', async () => {
    const page = await signedIn('noivu.btl@cchc.local');
    await page.goto(`${url}/reform-index/frameworks?id=${frameworkId}`);
    const tree = page.getByTestId('ri-framework-tree');
    await tree.getByText('1.2. Kiểm tra công tác CCHC').click();
    const form = page.locator('form#ri-criterion');
    await form.getByLabel('Tên').fill('Kiểm tra, theo dõi, đánh giá công tác CCHC');
    await form.getByLabel('Không áp dụng').click();
    await form.getByLabel('Bắt buộc có tài liệu kiểm chứng').click();
    await tree.getByText('1.2. Kiểm tra, theo dõi, đánh giá công tác CCHC').waitFor();
    await page.getByTestId('ri-unsaved').waitFor();
    await shot(page, 'framework-edit');

    // 1.3 worth 4: the children of "1" now add up to 11 of 10
    await tree.getByText('1.3. Tuyên truyền CCHC').click();
    await page.locator('form#ri-criterion').getByLabel('Tối đa').fill('4');
    let saved = answer(page, 'PATCH', `/frameworks/${frameworkId}`);
    await page.getByTestId('ri-save-framework').click();
    expect((await saved).status()).toBe(422);
    await page.getByTestId('ri-tree-problems').getByText('Tổng điểm tối đa của các tiêu chí con').waitFor();
    await shot(page, 'framework-invalid');

    await page.locator('form#ri-criterion').getByLabel('Tối đa').fill('3');
    saved = answer(page, 'PATCH', `/frameworks/${frameworkId}`);
    await page.getByTestId('ri-save-framework').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('ri-unsaved').waitFor({ state: 'detached' });
    // a sub-criterion added to a leaf takes the whole of its maximum; discarding drops it again
    await tree.getByText('1.3. Tuyên truyền CCHC').click();
    await page.getByTestId('ri-add-child').click();
    await tree.getByText('1.3.1. Tiêu chí mới').waitFor();
    expect(await page.locator('form#ri-criterion').getByLabel('Tối đa').inputValue()).toBe('3,00');
    await shot(page, 'framework-add-child');
    await page.getByTestId('ri-unsaved').getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await tree.getByText('1.3.1. Tiêu chí mới').waitFor({ state: 'detached' });
    const fw = await (await page.request.get(`${url}/api/v1/reform-index/frameworks/${frameworkId}`)).json();
    expect(fw.criteria.find((c: { code: string }) => c.code === '1.2')).toMatchObject({
      name: 'Kiểm tra, theo dõi, đánh giá công tác CCHC',
      allowNotApplicable: true,
      evidenceRequired: true,
      maxPoints: 3,
    });
  });

  it('the coordinator opens the assessment cycle, which freezes the framework', async () => {
    const page = await signedIn('noivu.btl@cchc.local');
    await page.goto(`${url}/reform-index/frameworks?id=${frameworkId}`);
    await page.getByTestId('ri-open-cycle').click();
    const modal = page.locator('.ant-modal', { hasText: 'Tên kỳ đánh giá' });
    await modal.getByLabel('Tên kỳ đánh giá').fill('Kỳ đánh giá Chỉ số CCHC năm 2024 (thử nghiệm)');
    await modal.getByLabel('Hạn tự đánh giá').fill('31/12/2099');
    await modal.getByLabel('Hạn tự đánh giá').press('Enter');
    await modal.locator('.ant-modal-title').click();
    await page
      .locator('.ant-picker-dropdown:visible')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await shot(page, 'open-cycle', false);
    const opened = answer(page, 'POST', '/reform-index/cycles');
    await modal.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    const res = await opened;
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()).deadline).toBe('2099-12-31');
    await page.waitForURL('**/reform-index');
    await card(page).getByText('Đang tự đánh giá').waitFor();
    await card(page).getByText('Hạn tự đánh giá: 31/12/2099').waitFor();
    await shot(page, 'work-open');

    await page.goto(`${url}/reform-index/frameworks?id=${frameworkId}`);
    await page.getByText('Bộ chỉ số đã khóa vì đã mở kỳ đánh giá').waitFor();
    await page.getByTestId('ri-framework-tree').getByText('1.1. Ban hành kế hoạch CCHC năm').click();
    expect(await page.locator('form#ri-criterion').count()).toBe(0);
    await shot(page, 'framework-frozen');
  });

  it("the department's focal point self-scores with a note and evidence, sees the progress bar, and submits", async () => {
    const page = await signedIn('truongphong.qldt@cchc.local');
    await page.goto(`${url}/reform-index`);
    await card(page).getByRole('link', { name: 'Mở' }).click();
    await page.waitForURL('**/reform-index/assessments/**');
    const row = (code: string) => page.locator('tr', { hasText: `${code}. ` }).first();
    /** a score is saved and the sheet read again (the next edit needs the new version) */
    const saving = (code: string) =>
      Promise.all([answer(page, 'PUT', `/scores/${code}`), answer(page, 'GET', /\/assessments\/[^/]+$/)]).then(
        ([r]) => {
          expect(r.status()).toBe(200);
        },
      );
    await page.getByText('Đã chấm 1/4 tiêu chí').waitFor();

    let saved = saving('1.1');
    await row('1.1').locator('.ant-select').click();
    await page.getByTitle('4 — Ban hành đúng hạn').click();
    await saved;
    saved = saving('1.1');
    await row('1.1').locator('textarea').fill('Kế hoạch CCHC năm 2024 ban hành ngày 05/01/2024');
    await row('1.1').locator('textarea').blur();
    await saved;

    saved = saving('1.2');
    await row('1.2').locator('.ant-input-number input').fill('2,5');
    await row('1.2').locator('.ant-input-number input').blur();
    await saved;
    const upload = answer(page, 'POST', '/evidence/1.2');
    await row('1.2')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'bao-cao-kiem-tra.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      });
    expect((await upload).status()).toBe(201);
    await row('1.2').getByText('bao-cao-kiem-tra.pdf').waitFor();
    await page.getByText('Đã chấm 3/4 tiêu chí').waitFor();
    await expect.poll(() => page.getByTestId('ri-progress').textContent()).toBe('75%');
    await shot(page, 'self-assessment');

    saved = saving('1.3');
    await row('1.3').locator('.ant-input-number input').fill('3');
    await row('1.3').locator('.ant-input-number input').blur();
    await saved;
    await page.getByText('Đã chấm 4/4 tiêu chí').waitFor();
    await page.getByText('Tổng điểm tự chấm: 9,5/15').waitFor();
    const submit = answer(page, 'POST', '/submit');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    expect((await submit).status()).toBe(200);
    await page.locator('.ant-tag', { hasText: 'Đã gửi' }).waitFor();
    await shot(page, 'self-submitted');
  });

  it('the appraiser adjusts a score with a reason and completes the appraisal', async () => {
    const page = await signedIn('thamdinh.btl@cchc.local');
    await page.goto(`${url}/reform-index`);
    await page.getByText('Đánh giá Chỉ số CCHC').first().waitFor();
    await shot(page, 'work-appraiser');
    await card(page).getByRole('link', { name: 'Mở' }).click();
    await page.waitForURL('**/reform-index/assessments/**?mode=appraise');
    await page.getByRole('button', { name: 'Hoàn thành thẩm định' }).waitFor();
    await shot(page, 'appraisal-sheet');
    const row = page.locator('tr', { hasText: '1.1. ' }).first();
    await row.locator('.ant-input-number input').fill('2');
    await row.getByPlaceholder('Lý do').fill('Kế hoạch chưa phân công cơ quan chủ trì từng nhiệm vụ');
    const put = answer(page, 'PUT', '/appraisals/1.1');
    // the button said "Chấp nhận" while the self-score stood; a changed score is saved
    await row.getByRole('button', { name: 'Lưu' }).click();
    expect((await put).status()).toBe(200);
    await page.locator('.ant-segmented').getByText('Đã điều chỉnh').click();
    await page.locator('tr', { hasText: '1.1. ' }).locator('.ant-tag', { hasText: 'Δ' }).waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot(page, 'appraisal');
    const done = answer(page, 'POST', '/complete');
    await page.getByRole('button', { name: 'Hoàn thành thẩm định' }).click();
    expect((await done).status()).toBe(200);
    await page.locator('.ant-tag', { hasText: 'Đã thẩm định' }).waitFor();
  });

  it('the coordinator imports survey results from the xlsx template: a bad file is refused row by row, a good one stored', async () => {
    const page = await signedIn('noivu.btl@cchc.local');
    await page.goto(`${url}/reform-index`);
    const start = answer(page, 'POST', '/start-appraisal');
    await card(page).getByRole('button', { name: 'Chuyển sang thẩm định' }).click();
    expect((await start).status()).toBe(200);
    await card(page).getByTestId('ri-survey-open').click();
    const modal = page.locator('.ant-modal', { hasText: 'Điểm điều tra xã hội học' });
    const download = page.waitForEvent('download');
    await modal.getByTestId('ri-survey-template').click();
    const template = readFileSync(await (await download).path());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    let ws = wb.worksheets[0]!;
    expect([ws.getRow(3).getCell(1).value, ws.getRow(3).getCell(3).value, ws.getRow(3).getCell(5).value]).toEqual([
      'HN-BTL-PB-QLDT',
      '2.1',
      5,
    ]);

    ws.getRow(3).getCell(6).value = 'bốn rưỡi';
    ws.addRow(['HN-BTL-PB-NV', '', '2.1', '', '', 4]);
    ws.addRow(['HN-BTL-PB-QLDT', '', '1.1', '', '', 4]);
    let imported = answer(page, 'POST', '/survey/import');
    await modal.locator('input[type=file]').setInputFiles({
      name: 'dieu-tra-sai.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect((await imported).status()).toBe(422);
    await modal.getByText('Tệp có 3 lỗi; chưa nhập dòng nào').waitFor();
    await modal.getByText('Điểm không phải là số').waitFor();
    await modal.getByText('Đơn vị không thuộc kỳ đánh giá này').waitFor();
    await modal.getByText('Không phải tiêu chí điều tra XHH của bộ chỉ số').waitFor();
    await shot(page, 'survey-problems', false);

    const good = new ExcelJS.Workbook();
    await good.xlsx.load(template as unknown as ArrayBuffer);
    ws = good.worksheets[0]!;
    ws.getRow(3).getCell(6).value = 4.5;
    imported = answer(page, 'POST', '/survey/import');
    await modal.locator('input[type=file]').setInputFiles({
      name: 'dieu-tra.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await good.xlsx.writeBuffer()),
    });
    expect((await imported).status()).toBe(200);
    await modal.getByTestId('ri-survey-done').getByText('Đã nhập 1 điểm điều tra XHH.').waitFor();
    // the table of the screen shows what was imported (and takes typed points too)
    await expect.poll(() => modal.getByLabel('HN-BTL-PB-QLDT 2.1').inputValue()).toBe('4,50');
    await shot(page, 'survey-imported', false);
    await modal.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();

    const close = answer(page, 'POST', '/close-appraisal');
    await card(page).getByRole('button', { name: 'Kết thúc thẩm định' }).click();
    expect((await close).status()).toBe(200);
    await card(page).getByRole('button', { name: 'Công bố' }).click();
    const publish = answer(page, 'POST', '/publish');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý/ })
      .click();
    expect((await publish).status()).toBe(200);
    await card(page).locator('.ant-tag', { hasText: 'Đã công bố' }).waitFor();
    // 1.1 appraised 2 + 1.2 2.5 + 1.3 3 + survey 4.5 = 12 of 15 = 80 %
    const pub = await (await page.request.get(`${url}/api/v1/reform-index/results?year=2024&group=E2E-PCM`)).json();
    expect(pub.results[0]).toMatchObject({ unitCode: 'HN-BTL-PB-QLDT', points: 12, maxPoints: 15, percent: 80 });
  });

  it('after publication the coordinator records a correction (who, why, old → new) and the results follow', async () => {
    const page = await signedIn('noivu.btl@cchc.local');
    await page.goto(`${url}/reform-index`);
    await card(page).getByTestId('ri-corrections-open').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Chưa có điều chỉnh nào.').waitFor();
    await drawer.getByLabel('Đơn vị').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Quản lý đô thị', { exact: false }).click();
    await drawer.getByLabel('Tiêu chí').click();
    await page.locator('.ant-select-dropdown:visible').getByText('1.1. Ban hành kế hoạch CCHC năm').click();
    await drawer.getByLabel('Giá trị mới').fill('4');
    await drawer.getByLabel('Lý do').fill('Hội đồng chấp nhận giải trình: kế hoạch có phụ lục phân công');
    const saved = answer(page, 'POST', '/corrections');
    await drawer.getByTestId('ri-correction-save').click();
    const res = await saved;
    expect(res.status(), await res.text()).toBe(200);
    const list = drawer.getByTestId('ri-corrections');
    await list.getByText('2 → 4').waitFor();
    await list.getByText('Hội đồng chấp nhận giải trình', { exact: false }).waitFor();
    await shot(page, 'correction', false);
    const pub = await (await page.request.get(`${url}/api/v1/reform-index/results?year=2024&group=E2E-PCM`)).json();
    expect(pub.results[0]).toMatchObject({ points: 14, percent: 93.33 });
  });

  it('results table and unit profile: Bắc Từ Liêm 94,27 %, 10/30 in 2023', async () => {
    const page = await signedIn('lanhdao.btl@cchc.local');
    await page.goto(`${url}/results?year=2023&group=HN-QHTX`);
    const row = page.getByTestId('ri-results-table').locator('tr', { hasText: 'Bắc Từ Liêm' }).first();
    await row.getByText('94,27%').waitFor();
    expect(await row.locator('td').first().textContent()).toBe('10/30');
    await shot(page, 'results');
    await row.getByRole('link').first().click();
    await page.waitForURL('**/results/units/HN-BTL');
    await page.locator('.ant-statistic', { hasText: 'Xếp hạng' }).getByText('10/30').waitFor();
    await page.getByText('94,27%').first().waitFor();
    await page.getByTestId('ri-radar').locator('canvas').waitFor();
    await page.getByTestId('ri-trend').locator('canvas').waitFor();
    await page.getByTestId('ri-narrative').getByText('94,27%', { exact: false }).waitFor();
    await shot(page, 'unit-profile');
  });
});
