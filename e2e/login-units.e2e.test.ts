import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ensureWebBuilt, hasChromium, launchChromium, SHOTS_DIR, startDemoServer } from './helpers.ts';

// Without Chromium the journey cannot run: in CI that is a failure, locally a skip
// (install it with `apt-get install -y chromium`, or point CHROMIUM_PATH at one).
const run = hasChromium || process.env.CI ? describe : describe.skip;

run('journey: sign in, units tree, language switch, sign out', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let url = '';
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage });

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM} (CI is set): apt-get install -y chromium`);
    ensureWebBuilt();
    server = await startDemoServer();
    url = server.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
    page.setDefaultTimeout(15_000);
  });

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

  it('shows the public landing page in Vietnamese', async () => {
    await page.goto(`${url}/`);
    await page.getByText('Cổng thông tin cải cách hành chính').waitFor();
    await expect(page.getByText('Tra cứu hồ sơ').count()).resolves.toBeGreaterThan(0);
    await shot('public-landing');
  });

  it("shows the server's message on a wrong password, then signs in", async () => {
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email hoặc số điện thoại').fill('admin@cchc.local');
    await page.getByLabel('Mật khẩu').fill('wrong-password1');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('login-error').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await shot('login');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/home');
  });

  it('greets the user with their unit and role', async () => {
    await page.getByTestId('greeting').getByText('Xin chào, Quản trị hệ thống').waitFor();
    expect(await page.getByTestId('home-unit').textContent()).toMatch(/[Tt]hành phố Hà Nội/);
    expect(await page.getByTestId('home-roles').textContent()).toContain('Quản trị viên');
    expect(await page.getByTestId('whoami').textContent()).toContain('Quản trị hệ thống');
    await shot('home');
  });

  it('opens the unit tree and finds Thượng Cát; an edit is saved with its version and CSRF token', async () => {
    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await page.waitForURL('**/units');
    await page.getByText('Quận Bắc Từ Liêm').first().waitFor();
    await shot('units', false);
    // Search ignores diacritics and shows the match in its place: Hà Nội › Bắc Từ Liêm › Thượng Cát.
    await page.getByPlaceholder('Tìm theo tên hoặc mã đơn vị').fill('thuong cat');
    await page.getByPlaceholder('Tìm theo tên hoặc mã đơn vị').press('Enter');
    const row = page.locator('tr', { hasText: 'UBND phường Thượng Cát' });
    await row.waitFor();
    await expect(page.locator('tr', { hasText: 'Quận Bắc Từ Liêm' }).count()).resolves.toBe(1);
    await shot('units-search', false);
    await row.getByRole('button', { name: 'Thao tác' }).click();
    await page.getByRole('menuitem', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên tiếng Anh').fill('Thuong Cat Ward People’s Committee');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lists people', async () => {
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.getByText('Bùi Văn Tùng').waitFor();
    await shot('people');
  });

  it('shows the audit log with before → after', async () => {
    await page.getByRole('menuitem', { name: 'Nhật ký thao tác' }).click();
    const entry = page.locator('tr', { hasText: 'unit.update' }).first();
    await entry.waitFor();
    await entry.click();
    await page.getByText('Thuong Cat Ward People’s Committee').first().waitFor();
    await shot('audit');
  });

  it('switches to English and back-end messages follow', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByRole('menuitem', { name: 'Units' }).click();
    await page.waitForURL('**/units');
    await page.getByText('Show closed units').waitFor();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('cchc.lang'))).toBe('en');
    const detail = await page.evaluate(async () => {
      const r = await fetch('/api/v1/units/00000000-0000-4000-8000-000000000000', {
        headers: { 'Accept-Language': 'en' },
      });
      return ((await r.json()) as { detail: string }).detail;
    });
    expect(detail).toMatch(/not found/i);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(status).toBe(401);
  });

  it('renders the public landing page on a phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${url}/`);
    await phone.getByText('Cổng thông tin cải cách hành chính').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SHOTS_DIR, 'public-landing-mobile.png'), fullPage: true });
    await phone.close();
  });
});
