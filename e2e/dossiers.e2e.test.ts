import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type Journey, openJourney, SHOTS_DIR } from './helpers.ts';

const run = hasChromium || process.env.CI ? describe : describe.skip;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

run('journey: a citizen files a building permit online, the ward accepts it, anyone can track it', () => {
  let j: Journey;
  let url = '';
  let code = '';
  const shot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: join(SHOTS_DIR, `dossiers-${name}.png`), fullPage, animations: 'disabled' });

  const signedIn = (login: string) => j.signIn(login);

  beforeAll(async () => {
    j = await openJourney();
    url = j.url;
  });
  afterAll(async () => {
    await j?.close();
  });

  it('files online: procedure → details → documents → review → code and due date', async () => {
    const page = await signedIn('0912345678');
    await page.goto(`${url}/dossiers/new`);
    await page.locator('.ant-select').first().click();
    await page.keyboard.type('nhà ở riêng lẻ');
    await page.keyboard.press('Enter');
    await page.getByText('Luật Xây dựng số 50/2014/QH13', { exact: false }).waitFor();
    await shot(page, 'submit-1-procedure');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Nơi nộp hồ sơ').click();
    await page.keyboard.type('Thượng Cát');
    await page.keyboard.press('Enter');
    await page.getByLabel('Họ và tên người nộp').fill('Nguyễn Văn An');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Thư điện tử').fill('an.nguyen@example.vn');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const inputs = page.locator('input[type=file]');
    await inputs.first().waitFor({ state: 'attached' });
    for (const [i, name] of ['don-de-nghi.pdf', 'so-do.pdf', 'ban-ve.pdf'].entries()) {
      await inputs.nth(i).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    }
    await shot(page, 'submit-2-documents');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await shot(page, 'submit-3-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const result = page.getByText(/Mã hồ sơ của bạn: /);
    await result.waitFor();
    code = ((await result.textContent()) ?? '').replace('Mã hồ sơ của bạn: ', '').trim();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    // the receipt gives the lunar date beside the solar one, as the paper form 01 does
    const due = page.getByTestId('solar-lunar-date');
    await due.waitFor();
    expect(await due.textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \(âm lịch \d{1,2}\/\d{1,2}( nhuận)? năm \S+ \S+\)$/);
    await shot(page, 'submit-4-done');
  });

  it('the ward officer sees it in the queue, opens it and accepts it', async () => {
    const page = await signedIn('motcua.thuongcat@cchc.local');
    await page.goto(`${url}/dossiers`);
    await page.getByRole('link', { name: code }).waitFor();
    await shot(page, 'queue', false);
    // the deadline filter: only dossiers within DOSSIER_NEAR_DUE_DAYS working days of a due date
    const listed = page.waitForResponse((r) => r.url().includes('dueSoon=true') && r.status() === 200);
    await page.getByTestId('deadline-filter').getByText('Sắp đến hạn').click();
    const nearDue = (await (await listed).json()) as { items: { dueSoon: boolean }[] };
    expect(nearDue.items.every((d) => d.dueSoon)).toBe(true);
    await page
      .getByTestId('deadline-filter')
      .locator('.ant-segmented-item-selected', { hasText: 'Sắp đến hạn' })
      .waitFor();
    await page.waitForTimeout(400); // the segmented thumb's animation
    await shot(page, 'queue-due-soon', false);
    await page.getByTestId('deadline-filter').getByText('Mọi thời hạn').click();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByText('Được tiếp nhận (2)').waitFor();
    await page.getByText('Mẫu 01 — Giấy tiếp nhận, hẹn trả').waitFor();
    await shot(page, 'detail');
    // the building permit's fee: the one-stop officer records it as paid
    await page.getByRole('button', { name: 'Ghi nhận đã thu phí' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số biên lai').fill('BL-TC/2023-0097');
    await dialog.getByLabel('Hình thức nộp').click();
    await page.getByTitle('Chuyển khoản').click();
    await dialog.getByRole('button', { name: /OK|Đồng ý/ }).click();
    await page.getByText('Đã thu phí', { exact: true }).waitFor();
    await page.getByText('BL-TC/2023-0097').first().waitFor();
    await shot(page, 'detail-fee-paid');
  });

  it('the district sees the statistics of 2023', async () => {
    const page = await signedIn('motcua.btl@cchc.local');
    await page.goto(`${url}/dossier-stats`);
    await page.getByText('UBND phường Thượng Cát').waitFor();
    await shot(page, 'stats');
    // the period picker shows lunar days: Tết Quý Mão (1/1 âm lịch) was Sunday 22/01/2023
    await page.locator('.ant-picker-range').click();
    const cell = (date: string) =>
      page.locator(`.ant-picker-dropdown td[title="${date}"] .ant-picker-cell-inner > div`).allTextContents();
    await page.locator('.ant-picker-dropdown td[title="2023-01-22"]').waitFor();
    expect(await cell('2023-01-22')).toEqual(['22', '1/1']);
    expect(await cell('2023-01-21')).toEqual(['21', '30']); // giao thừa: 30 tháng Chạp Nhâm Dần
    await shot(page, 'stats-period-lunar', false);
    await page.keyboard.press('Escape');
  });

  it('anyone tracks it with the code and the last 4 phone digits', async () => {
    const page = await j.newPage();
    await page.goto(`${url}/lookup`);
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('4 số cuối điện thoại').fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Được tiếp nhận').first().waitFor();
    expect(await page.getByText('Nguyễn Văn An').count()).toBe(0);
    await shot(page, 'lookup');
  });
});
