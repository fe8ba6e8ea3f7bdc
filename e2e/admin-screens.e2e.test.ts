import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ensureWebBuilt, hasChromium, launchChromium, SHOTS_DIR, startDemoServer } from './helpers.ts';

const run = hasChromium || process.env.CI ? describe : describe.skip;

/** An administrator's screens: a concurrent edit (409), a bad import (422 problems), people and grants. */
run('admin screens: conflicts, import problems, people', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  const shot = async (name: string) => {
    await page.mouse.move(1, 1); // no tooltip
    await page.waitForTimeout(500); // let antd's open animations finish
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM} (CI is set): apt-get install -y chromium`);
    ensureWebBuilt();
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login?next=/units`);
    await page.getByLabel('Email hoặc số điện thoại').fill('admin@cchc.local');
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/units');
  });

  // A failed step leaves a picture of the page behind (test-results/screenshots/failed-*.png).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await page?.screenshot({
        path: join(SHOTS_DIR, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`),
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('shows a 409 when someone else saved the unit first, and recovers with the current version', async () => {
    await page.getByPlaceholder('Tìm theo tên hoặc mã đơn vị').fill('thuong cat');
    await page.getByPlaceholder('Tìm theo tên hoặc mã đơn vị').press('Enter');
    const row = page.locator('tr', { hasText: 'UBND phường Thượng Cát' });
    await row.getByRole('button', { name: 'Thao tác' }).click();
    await page.getByRole('menuitem', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên ngắn').fill('Thượng Cát (sửa)');
    // Someone else saves the same unit meanwhile.
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const units = await (await fetch('/api/v1/units?q=HN-BTL-P-TC')).json();
      const u = units.find((x: { code: string }) => x.code === 'HN-BTL-P-TC');
      const r = await fetch(`/api/v1/units/${u.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ version: u.version, agencyCode: 'H10.01.01' }),
      });
      return r.status;
    });
    expect(status).toBe(200);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const alert = page.getByTestId('unit-form-error');
    await alert.getByText('Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.').waitFor();
    await shot('units-conflict');
    await alert.getByRole('button', { name: 'Tải lại' }).click();
    expect(await dialog.getByLabel('Mã định danh cơ quan').inputValue()).toBe('H10.01.01');
    await dialog.getByLabel('Tên ngắn').fill('Thượng Cát');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' }); // closes only on success
  });

  it('lists the problems of a rejected import, row by row', async () => {
    const csv = [
      'code,parent_code,name,short_name,name_en,kind,block,agency_code,valid_from,valid_to',
      'HN-X1,NO-SUCH,Đơn vị thử,X1,,ward,wards,,2024-01-01,',
    ].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('unit-import').click();
    await (await chooser).setFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Các lỗi trong tệp nhập').waitFor();
    await dialog.getByText('unknown unit NO-SUCH').waitFor();
    expect(await dialog.locator('tbody tr').first().textContent()).toContain('parent_code');
    await shot('units-import-problems');
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
  });

  it('opens a person, grants and revokes a role', async () => {
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.getByText('Đỗ Thị Mai').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Người dùng Đỗ Thị Mai').waitFor();
    await page.locator('#user-grant_role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Thẩm định$/ }).click();
    // The unit picker is searchable (and its long list virtual): type, then take the match.
    await page.locator('#user-grant_unitId').fill('HN-BTL-PB-QLDT');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Phòng Quản lý đô thị' })
      .first()
      .click();
    await drawer.getByRole('button', { name: 'Cấp vai trò' }).click();
    const grant = drawer.locator('.ant-list-item', { hasText: 'Thẩm định' });
    await grant.waitFor();
    await shot('people-drawer');
    await grant.getByRole('button', { name: 'Thu hồi' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Có' }).click();
    await grant.waitFor({ state: 'detached' });
  });

  it('creates a person with a role, resets the password and disables the account', async () => {
    await page.goto(`${server.url}/people`); // a fresh page: no drawer left open
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    // Field ids are the form name + field path (antd), which keeps these lookups unambiguous.
    const modal = page.locator('.ant-modal', { has: page.locator('#user-create_fullName') });
    await page.locator('#user-create_fullName').fill('Ngô Thị Thử');
    await page.locator('#user-create_email').fill('ngo.thu@cchc.local');
    await page.locator('#user-create_password').fill('matkhau123');
    await modal.getByRole('button', { name: 'Cấp vai trò' }).click();
    await page.locator('#user-create_grants_0_role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Chuyên viên$/ }).click();
    await page.locator('#user-create_grants_0_unitId').fill('HN-BTL-P-TC');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Thượng Cát' })
      .first()
      .click();
    // Wait on the server's answer rather than on the 3-second toast, which a loaded machine can miss.
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/users',
    );
    await modal.getByRole('button', { name: 'Lưu' }).click();
    expect((await created).status()).toBe(201);
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('Ngô Thị Thử').click();
    const drawer = page.getByRole('dialog', { name: /Ngô Thị Thử/ });
    await drawer.locator('.ant-list-item', { hasText: 'Chuyên viên' }).waitFor();
    await drawer.getByPlaceholder('Mật khẩu mới').fill('matkhau456');
    const reset = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/reset-password'),
    );
    await drawer.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    expect((await reset).status()).toBeLessThan(300);
    await drawer.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Có' }).click();
    await drawer.getByText('Đã khóa').waitFor();
    await drawer.getByRole('button', { name: 'Mở khóa' }).waitFor();
  });
});
