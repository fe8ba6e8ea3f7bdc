import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type Journey, openJourney, SHOTS_DIR } from './helpers.ts';

const run = hasChromium || process.env.CI ? describe : describe.skip;

/**
 * Citizens' feedback end to end: the administrator routes "urban infrastructure" in Thượng Cát to
 * Phòng QLĐT (an officer drafts, the head approves); a citizen reports a broken street light from a
 * phone; the hotline officer records the same problem, sees it suggested and links it as a
 * duplicate; the officer drafts, the head approves, sends and publishes; the answer is on the public
 * page; the citizen, not satisfied, reopens it from the follow-up page.
 */
run('journey: citizens’ feedback from the phone to the answer, duplicates and reopening', () => {
  let j: Journey;
  let url = '';
  let code = '';
  let trackingKey = '';
  const TITLE = 'Cột đèn chiếu sáng ngõ 75 bị nghiêng, đèn không sáng';
  const CONTENT =
    'Cột đèn chiếu sáng đầu ngõ 75 phố Thượng Cát bị nghiêng sau mưa bão, đèn không sáng ba đêm nay, rất nguy hiểm cho người đi đường.';
  const shot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: join(SHOTS_DIR, `feedback-${name}.png`), fullPage });

  const newPage = (mobile = false) => j.newPage(mobile);
  const signedIn = (login: string) => j.signIn(login);
  /** Picks an option of an antd Select by typing into it (the first match). */
  async function pick(page: Page, label: string, text: string) {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
  }
  const answered = (page: Page, path: RegExp, method = 'POST') =>
    page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === method);

  beforeAll(async () => {
    j = await openJourney();
    url = j.url;
  });
  afterAll(async () => {
    await j?.close();
  });

  it('the administrator adds a routing rule (and a duplicate one is refused)', async () => {
    const page = await signedIn('admin@cchc.local');
    await page.goto(`${url}/feedback/settings`);
    await page.getByTestId('rules-table').getByText('Hạ tầng đô thị: Phòng QLĐT').first().waitFor();
    const add = async () => {
      await page.getByTestId('add-rule').click();
      await pick(page, 'Lĩnh vực', 'Hạ tầng đô thị');
      await pick(page, 'Địa bàn', 'HN-BTL-P-TC');
      await pick(page, 'Đơn vị chịu trách nhiệm', 'HN-BTL-PB-QLDT');
      await page.getByLabel('Người trả lời').click();
      await page.locator('.ant-select-item-option', { hasText: 'Chuyên viên dự thảo, Trưởng đơn vị duyệt' }).click();
      await page.getByLabel('Ghi chú').fill('Chiếu sáng Thượng Cát: Phòng QLĐT');
      const saved = answered(page, /\/feedback\/routing-rules$/);
      await page.getByRole('button', { name: 'Lưu' }).click();
      return saved;
    };
    expect((await add()).status()).toBe(201);
    // saved: the dialog closes (it only closes on success)
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
    await page.getByPlaceholder('Lọc theo lĩnh vực, địa bàn, đơn vị (không cần dấu)').fill('thuong cat');
    await page.getByTestId('rules-table').getByText('Chiếu sáng Thượng Cát: Phòng QLĐT').waitFor();
    await shot(page, 'settings-rules', false);
    // the same category and area again: the server refuses it with its Vietnamese problem text
    const again = await add();
    expect(again.status()).toBe(409);
    await page.getByText('Đã có quy tắc phân công cho lĩnh vực và địa bàn này').waitFor();
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('tab', { name: 'Lĩnh vực, thời hạn' }).click();
    await page.getByTestId('categories-table').getByText('Cấp giấy phép xây dựng').waitFor();
    await shot(page, 'settings-categories', false);
  });

  it('a citizen reports from a phone and follows the item with its code and tracking key', async () => {
    const page = await newPage(true);
    await page.goto(`${url}/feedback`);
    await pick(page, 'Lĩnh vực', 'Hạ tầng đô thị');
    await pick(page, 'Phường, xã', 'Thượng Cát');
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Nội dung phản ánh').fill(CONTENT);
    await page.getByLabel('Địa điểm').fill('Đầu ngõ 75 phố Thượng Cát');
    await page.getByLabel('Họ và tên').fill('Đỗ Thị Lan');
    await page.getByLabel('Địa chỉ liên hệ').fill('Số 12 ngõ 75 Thượng Cát');
    await page.getByLabel('Số điện thoại').fill('0987111222');
    const sent = answered(page, /\/feedback\/items$/);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).last().click();
    const reply = await sent;
    expect(reply.status()).toBe(201);
    const body = (await reply.json()) as { code: string; trackingKey: string };
    code = body.code;
    trackingKey = body.trackingKey;
    expect(code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    await page.getByTestId('feedback-done').waitFor();
    await page.getByRole('button', { name: 'Theo dõi phản ánh này' }).click();
    await page.waitForURL('**/feedback/track');
    await page.getByTestId('track-status').getByText('Mới tiếp nhận').waitFor();
    await expect(page.getByTestId('track-item').getByText('Phòng Quản lý đô thị').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'track-received');
  });

  it('the hotline officer records the same problem, sees it suggested and links it as a duplicate', async () => {
    const page = await signedIn('motcua.btl@cchc.local');
    await page.goto(`${url}/feedback/intake`);
    await page.getByLabel('Kênh tiếp nhận').click();
    await page.locator('.ant-select-item-option', { hasText: 'Đường dây nóng' }).click();
    await pick(page, 'Lĩnh vực', 'Hạ tầng đô thị');
    await pick(page, 'Phường, xã', 'Thượng Cát');
    await page.getByLabel('Địa điểm').fill('Ngõ 75 Thượng Cát');
    const suggested = page.waitForResponse((r) => r.url().includes('/feedback/similar') && r.status() === 200);
    await page.getByLabel('Tiêu đề').fill('Cột đèn ngõ 75 nghiêng, đèn không sáng');
    await page.getByLabel('Nội dung phản ánh').fill(CONTENT);
    await suggested;
    await page.getByTestId('intake-suggestions').getByText(code).waitFor();
    await page.getByLabel('Họ và tên').fill('Vũ Văn Hùng');
    await page.getByLabel('Địa chỉ liên hệ').fill('Số 80 ngõ 75 Thượng Cát');
    await page.getByLabel('Số điện thoại').fill('0903555666');
    await shot(page, 'intake-suggestions');
    const recorded = answered(page, /\/feedback\/intake$/);
    await page.getByRole('button', { name: 'Tiếp nhận phản ánh' }).last().click();
    const rec = await recorded;
    if (rec.status() !== 201) console.log(await rec.text());
    expect(rec.status()).toBe(201);
    await page.getByTestId('intake-done').waitFor();
    const linked = answered(page, /\/feedback\/items\/[^/]+\/actions$/);
    await page.getByTestId('intake-similar').getByRole('button', { name: 'Gộp vào phản ánh này' }).first().click();
    expect((await linked).status()).toBe(200);
    await page.getByTestId('intake-linked').getByText(code, { exact: false }).first().waitFor();
    await shot(page, 'intake-linked');
  });

  it('an item recorded without linking is linked from the inbox’s suggestions', async () => {
    const page = await signedIn('motcua.btl@cchc.local');
    await page.goto(`${url}/feedback/intake`);
    await page.getByLabel('Kênh tiếp nhận').click();
    await page.locator('.ant-select-item-option', { hasText: 'Trực tiếp tại Bộ phận một cửa' }).click();
    await pick(page, 'Lĩnh vực', 'Hạ tầng đô thị');
    await pick(page, 'Phường, xã', 'Thượng Cát');
    await page.getByLabel('Địa điểm').fill('Ngõ 75 Thượng Cát');
    await page.getByLabel('Tiêu đề').fill('Đèn chiếu sáng ngõ 75 không sáng, cột nghiêng');
    await page.getByLabel('Nội dung phản ánh').fill(CONTENT);
    await page.getByLabel('Họ và tên').fill('Phan Thị Thu');
    await page.getByLabel('Địa chỉ liên hệ').fill('Số 3 ngõ 75 Thượng Cát');
    await page.getByLabel('Thư điện tử').fill('thu.phan@example.vn');
    const recorded = answered(page, /\/feedback\/intake$/);
    await page.getByRole('button', { name: 'Tiếp nhận phản ánh' }).last().click();
    const r = await recorded;
    expect(r.status()).toBe(201);
    const third = ((await r.json()) as { code: string }).code;
    await page.goto(`${url}/feedback/inbox`);
    const listed = page.waitForResponse((x) => x.url().includes('/feedback/items?') && x.status() === 200);
    await page.getByPlaceholder('Tìm không cần dấu, ví dụ: bac tu liem').fill('den chieu sang ngo 75');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await listed;
    await page.getByRole('cell', { name: third, exact: true }).click();
    const linked = answered(page, /\/feedback\/items\/[^/]+\/actions$/);
    await page.getByTestId(`link-${code}`).click();
    const l = await linked;
    expect(l.status()).toBe(200);
    expect(((await l.json()) as { duplicateOfCode: string }).duplicateOfCode).toBe(code);
    await page.locator('.ant-drawer').getByText('Trùng với phản ánh').waitFor();
  });

  async function openInInbox(page: Page) {
    await page.goto(`${url}/feedback/inbox`);
    const listed = page.waitForResponse((r) => r.url().includes('/feedback/items?') && r.status() === 200);
    await page.getByPlaceholder('Tìm không cần dấu, ví dụ: bac tu liem').fill('cot den chieu sang ngo 75');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await listed;
    await page.getByRole('cell', { name: code, exact: true }).click();
    await page.locator('.ant-drawer').getByText(code).first().waitFor();
  }
  async function act(page: Page, action: string, fill?: () => Promise<void>) {
    await page.getByTestId(`action-${action}`).click();
    if (fill) await fill();
    const done = answered(page, /\/feedback\/items\/[^/]+\/actions$/);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const r = await done;
    expect(r.status()).toBe(200);
    return (await r.json()) as { status: string };
  }

  it('the officer drafts the answer; the head approves, sends and publishes it', async () => {
    const officer = await signedIn('chuyenvien.qldt@cchc.local');
    await openInInbox(officer);
    expect((await act(officer, 'assign')).status).toBe('assigned');
    const draft = await act(officer, 'draft_answer', () =>
      officer
        .getByLabel('Trả lời')
        .fill('Phòng QLĐT đã phối hợp Công ty Chiếu sáng Hà Nội dựng lại cột đèn và thay bóng ngày 28/11/2026.'),
    );
    expect(draft.status).toBe('answer_drafted');

    const head = await signedIn('truongphong.qldt@cchc.local');
    await openInInbox(head);
    expect((await act(head, 'approve')).status).toBe('answer_approved');
    expect((await act(head, 'send')).status).toBe('sent');
    expect((await act(head, 'publish')).status).toBe('published');
    await shot(head, 'answer-published', false);

    const pub = await newPage();
    await pub.goto(`${url}/feedback`);
    await pub.getByRole('tab', { name: 'Tra cứu câu trả lời' }).click();
    const searched = pub.waitForResponse((r) => r.url().includes('/feedback/public?') && r.url().includes('q='));
    await pub.getByPlaceholder('Tìm không cần dấu, ví dụ: bac tu liem').fill('cot den ngo 75 thuong cat');
    await pub.getByPlaceholder('Tìm không cần dấu, ví dụ: bac tu liem').press('Enter');
    await searched;
    await pub.getByText('dựng lại cột đèn và thay bóng').first().waitFor();
    // no personal data on the public page
    expect(await pub.getByText('Đỗ Thị Lan').count()).toBe(0);
  });

  it('the citizen reads the answer, is not satisfied and reopens it', async () => {
    const page = await newPage(true);
    await page.goto(`${url}/feedback/track`);
    await page.getByLabel('Mã phản ánh').fill(code);
    await page.getByLabel('Mã tra cứu').fill(trackingKey);
    await page.getByRole('button', { name: 'Xem phản ánh' }).click();
    await page.getByTestId('track-answer').getByText('dựng lại cột đèn').waitFor();
    await page.getByTestId('track-status').getByText('Đã công khai').waitFor();
    await shot(page, 'track-answer');
    const rated = answered(page, /\/rating$/);
    await page.getByRole('button', { name: 'Không hài lòng' }).click();
    expect((await rated).status()).toBe(200);
    await page.getByLabel('Lý do đề nghị xem xét lại').fill('Đèn lại tắt từ tối 29/11, cột vẫn chưa được chằng néo.');
    const reopened = answered(page, /\/reopen$/);
    await page.getByRole('button', { name: 'Mở lại phản ánh' }).click();
    const r = await reopened;
    expect(r.status()).toBe(200);
    expect(((await r.json()) as { status: string }).status).toBe('assigned');
    await page.getByTestId('track-reopened').waitFor();
    // the earlier answer stays readable while the item is handled again
    await page.getByTestId('track-previous-answer').getByText('dựng lại cột đèn').waitFor();
    await page.getByTestId('track-timeline').getByText('Mở lại').waitFor();
    await shot(page, 'track-reopened');
  });
});
