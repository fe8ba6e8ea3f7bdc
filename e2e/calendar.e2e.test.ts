import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type Journey, openJourney, SHOTS_DIR } from './helpers.ts';

const run = hasChromium || process.env.CI ? describe : describe.skip;

/**
 * Expected values from the official 2025 schedule (VPCP 8726/VPCP-KGVX: Tết 27–31/01, làm bù
 * Saturday 26/04) and the lunar calendar (mùng 1 Tết Ất Tỵ = 29/01/2025; Giỗ Tổ 10/3 = 07/04/2025).
 */
run(
  'journey: the working calendar — anyone reads a year and computes due dates; an administrator edits and imports years',
  () => {
    let j: Journey;
    let url = '';
    const shot = (page: Page, name: string, fullPage = true) =>
      page.screenshot({ path: join(SHOTS_DIR, `calendar-${name}.png`), fullPage, animations: 'disabled' });

    beforeAll(async () => {
      j = await openJourney();
      url = j.url;
    });
    afterAll(async () => {
      await j?.close();
    });

    const kindOf = (page: Page, date: string) =>
      page.locator(`[data-testid=calendar-year] [data-date="${date}"]`).getAttribute('data-kind');

    /** Fills the calculator and waits for the two answers as shown (solar + lunar). */
    async function expectDue(page: Page, receivedAt: string, workingDays: number, expected: [string, string]) {
      const card = page.getByTestId('calendar-due');
      await card.locator('.ant-input-number input').fill(String(workingDays));
      const input = card.locator('.ant-picker input');
      await input.click();
      await input.fill(receivedAt);
      const answered = page.waitForResponse(
        (r) => r.url().includes(`workingDays=${workingDays}`) && r.url().includes('/calendar/due-date'),
      );
      await input.press('Enter'); // sets the instant and submits the form
      expect((await answered).status()).toBe(200);
      const shown = page.getByTestId('calendar-due-result').getByTestId('solar-lunar-date');
      await expect.poll(() => shown.allTextContents()).toEqual(expected);
      await page.keyboard.press('Escape');
    }

    it('anyone reads 2025 as official, with Tết off, and gets due dates across Tết and on a make-up Saturday', async () => {
      const page = await j.newPage();
      await page.goto(`${url}/calendar?year=2025`);
      await page.getByTestId('calendar-status').filter({ hasText: 'Chính thức' }).waitFor();
      expect(await kindOf(page, '2025-01-24')).toBe('working');
      expect(await kindOf(page, '2025-01-29')).toBe('holiday');
      expect(await kindOf(page, '2025-05-02')).toBe('swapped');

      // Friday 24/01 after 15:00 → counted from Monday 03/02 (after Tết); one working day → Tuesday 04/02
      await expectDue(page, '24/01/2025 16:00', 1, [
        '03/02/2025 (âm lịch 6/1 năm Ất Tỵ)',
        '04/02/2025 (âm lịch 7/1 năm Ất Tỵ)',
      ]);
      // Friday 25/04 in the morning, one working day → Saturday 26/04, the make-up working day
      await expectDue(page, '25/04/2025 10:00', 1, [
        '25/04/2025 (âm lịch 28/3 năm Ất Tỵ)',
        '26/04/2025 (âm lịch 29/3 năm Ất Tỵ)',
      ]);
      // into 2027, which has no official schedule yet: the answer is marked provisional
      // (1/1/2027 is a Friday off; new moons of 9/12/2026 and 8/1/2027, UTC+7)
      await expectDue(page, '24/12/2026 10:00', 10, [
        '24/12/2026 (âm lịch 16/11 năm Bính Ngọ)',
        '08/01/2027 (âm lịch 1/12 năm Bính Ngọ)Tạm tính',
      ]);
      await page.getByTestId('calendar-due-result').getByTestId('date-provisional').waitFor();
      await shot(page, 'year');
    });

    it('an administrator adds a day off to provisional 2027 with the lunar date picker, and imports 2028 from JSON', async () => {
      const page = await j.signIn('admin@cchc.local');
      await page.goto(`${url}/calendar?year=2027`);
      await page.getByTestId('calendar-status').filter({ hasText: 'Tạm tính' }).waitFor();
      expect(await kindOf(page, '2027-02-12')).toBe('working');
      await page.getByTestId('calendar-edit').click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('button', { name: /Thêm ngày nghỉ/ }).click();
      const rows = drawer.locator('.ant-form-item-control-input .ant-picker input');
      const last = rows.last();
      await last.click();
      // the picker shows lunar days: mùng 1 Tết Đinh Mùi is Saturday 06/02/2027
      const tet = page.locator('.ant-picker-dropdown:visible td[title="2027-02-06"] .ant-picker-cell-inner > div');
      await last.fill('12/02/2027');
      await tet.first().waitFor();
      expect(await tet.allTextContents()).toEqual(['6', '1/1']);
      await shot(page, 'admin-picker-lunar', false);
      await last.press('Enter');
      await drawer.getByPlaceholder('Tên', { exact: true }).last().fill('Nghỉ bổ sung theo Thông báo thử nghiệm');
      const sources = drawer.locator('#sources');
      await sources.click();
      await sources.fill('Thông báo thử nghiệm 01/2027');
      await sources.press('Enter');
      const saved = page.waitForResponse(
        (r) => r.url().includes('/calendar/schedules/2027') && r.request().method() === 'PUT',
      );
      await page.getByTestId('calendar-save').click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('calendar-status').filter({ hasText: 'Chính thức' }).waitFor();
      expect(await kindOf(page, '2027-02-12')).toBe('holiday');
      await shot(page, 'admin');

      // import 2028 from a JSON file
      const file = {
        years: {
          '2028': {
            // every weekday statutory holiday must be there (1/1, 30/4 and 2/9/2028 fall on weekends)
            daysOff: [
              { date: '2028-01-03', kind: 'compensatory', name: 'Nghỉ bù Tết Dương lịch' },
              { date: '2028-01-26', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
              { date: '2028-01-27', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
              { date: '2028-01-28', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
              { date: '2028-04-04', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
              { date: '2028-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
            ],
            workingSaturdays: [],
            sources: ['Thông báo thử nghiệm 2028'],
          },
        },
      };
      const imported = page.waitForResponse((r) => r.url().includes('/calendar/schedules/import'));
      await drawer.locator('input[type=file]').setInputFiles({
        name: 'lich-2028.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      expect((await imported).status()).toBe(200);
      await page.goto(`${url}/calendar?year=2028`);
      await page.getByTestId('calendar-status').filter({ hasText: 'Chính thức' }).waitFor();
      expect(await kindOf(page, '2028-01-03')).toBe('compensatory');
      await shot(page, 'admin-imported', false);
    });
  },
);
