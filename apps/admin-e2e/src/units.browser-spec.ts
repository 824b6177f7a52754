import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { UnitView } from '@danvan/units';
import { TestServer } from '@danvan/testing';
import { launchChromium } from './browser.js';
import { signIn } from './session.js';

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let browser: BrowserContext;
let page: Page;
let tienHai: UnitView;

beforeAll(async () => {
  server = await TestServer.start({ adminDist: resolve(root, 'dist/admin') });
  const central = await server.factory.unit({
    code: 'BCHTW',
    name: 'Ban Chấp hành Trung ương Đảng',
    kind: 'PARTY_COMMITTEE',
    level: 'CENTRAL',
  });
  const thaiBinh = await server.factory.unit({
    code: 'TU-34',
    name: 'Tỉnh ủy Thái Bình',
    kind: 'PARTY_COMMITTEE',
    parent: central,
    level: 'PROVINCE',
    adminAreaCode: '34',
  });
  tienHai = await server.factory.unit({
    code: 'HU-342',
    name: 'Huyện ủy Tiền Hải',
    shortName: 'HU Tiền Hải',
    kind: 'PARTY_COMMITTEE',
    level: 'DISTRICT',
    parent: thaiBinh,
    adminAreaCode: '342',
    status: 'DISSOLVED',
    validTo: '2025-06-30',
  });
  await server.factory.unit({ code: 'BDV-342', name: 'Ban Dân vận Huyện ủy Tiền Hải', parent: tienHai, level: 'DISTRICT' });
  await server.factory.unit({
    code: 'TU-42',
    name: 'Tỉnh ủy Hà Tĩnh',
    kind: 'PARTY_COMMITTEE',
    parent: central,
    level: 'PROVINCE',
    adminAreaCode: '42',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  // A real account signs in through the login page; the admin then signs every API call itself.
  await signIn(page, server.baseUrl, await server.factory.account({ role: 'ADMIN', unitId: null }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for the GraphQL mutation `name` to come back from the server. */
function mutationDone(name: string) {
  return page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(name));
}

/** Waits until an input shows `value` (react-admin fills a form once its record has loaded). */
async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`input never showed "${value}"`);
    await page.waitForTimeout(50);
  }
}

describe('admin in Chromium', () => {
  it('searches "tien hai" without diacritics, opens the unit, edits its short name and sees it after a reload', async () => {
    await page.goto(server.baseUrl);
    await page.getByPlaceholder('Tìm kiếm').fill('tien hai');
    await page.getByText('Ban Dân vận Huyện ủy Tiền Hải').waitFor();
    await page.getByText('Tỉnh ủy Hà Tĩnh').waitFor({ state: 'detached' });

    await page.getByRole('cell', { name: 'Huyện ủy Tiền Hải', exact: true }).first().click();
    await page.waitForURL(/\/show$/);
    // The ancestor chain, the children, and dates as dd/MM/yyyy.
    await page.getByRole('link', { name: 'Tỉnh ủy Thái Bình' }).first().waitFor();
    await page.getByText('Ban Dân vận Huyện ủy Tiền Hải').waitFor();
    await page.getByText('30/06/2025').first().waitFor();

    await page.getByRole('link', { name: 'Sửa' }).click();
    const shortName = page.getByRole('textbox', { name: 'Tên viết tắt', exact: true });
    await waitForValue(shortName, 'HU Tiền Hải'); // the form has loaded the record
    // Dates are typed and shown dd/MM/yyyy whatever the browser's language.
    const validTo = page.getByRole('textbox', { name: 'Hiệu lực đến ngày', exact: true });
    expect(await validTo.inputValue()).toBe('30/06/2025');
    expect(await validTo.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await shortName.fill('HU Tiền Hải (đã sửa)');
    const saved = mutationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const body = (await (await saved).json()) as { errors?: unknown[]; data?: { updateUnit?: { shortName: string } } };
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateUnit?.shortName).toBe('HU Tiền Hải (đã sửa)');
    await page.waitForURL(/\/show$/);

    await page.reload();
    await page.getByText('HU Tiền Hải (đã sửa)').first().waitFor();
    const stored = await server.rest<{ shortName: string; version: number }>('GET', `/api/v1/units/${tienHai.id}`);
    expect(stored.body).toMatchObject({ shortName: 'HU Tiền Hải (đã sửa)', version: 2 });
  });

  it('shows the server’s validation error beside the field and a clear message on a concurrent edit', async () => {
    await page.goto(`${server.baseUrl}/#/units/${tienHai.id}`);
    const code = page.getByRole('textbox', { name: /^Mã đơn vị\s*\*?$/ });
    await waitForValue(code, 'HU-342');
    await code.fill('TU-42'); // taken by Tỉnh ủy Hà Tĩnh
    const rejected = mutationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await rejected;
    // Beside the field: the input's helper text (the notification repeats it).
    const describedBy = await code.getAttribute('aria-describedby');
    await page.locator(`[id="${describedBy}"]`, { hasText: 'Mã đơn vị này đã được dùng cho một đơn vị khác.' }).waitFor();

    // Someone else saves first: our save must be refused and say so, keeping what we typed.
    const current = await server.rest<{ version: number }>('GET', `/api/v1/units/${tienHai.id}`);
    await server.rest(
      'PATCH',
      `/api/v1/units/${tienHai.id}`,
      { name: 'Huyện ủy Tiền Hải (người khác sửa)' },
      { 'if-match': `"${current.body.version}"` },
    );
    await code.fill('HU-342');
    await page.getByRole('textbox', { name: 'Tên viết tắt', exact: true }).fill('Bản của tôi');
    const conflict = mutationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await conflict;
    // The notification's sentence, not the page title, which shows the newest name "… (người khác sửa)" once reloaded.
    await page
      .getByText(/đã được người khác sửa trong lúc bạn đang sửa/)
      .first()
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Tên viết tắt', exact: true }).inputValue()).toBe('Bản của tôi');
    const stored = await server.rest<{ shortName: string }>('GET', `/api/v1/units/${tienHai.id}`);
    expect(stored.body.shortName).toBe('HU Tiền Hải (đã sửa)');
    // The unit was read again: the other person's name is in the form, ours is kept, and saving now goes through.
    await waitForValue(page.getByRole('textbox', { name: /^Tên đơn vị\s*\*?$/ }), 'Huyện ủy Tiền Hải (người khác sửa)');
    const retried = mutationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await retried;
    await page.waitForURL(/\/units\/[^/]+\/show$/);
    const saved = await server.rest<{ shortName: string; name: string }>('GET', `/api/v1/units/${tienHai.id}`);
    expect(saved.body).toMatchObject({ shortName: 'Bản của tôi', name: 'Huyện ủy Tiền Hải (người khác sửa)' });
  });

  it('takes dates typed dd/MM/yyyy, refuses a day that does not exist, and saves yyyy-MM-dd', async () => {
    await page.goto(`${server.baseUrl}/#/units/${tienHai.id}`);
    await page.reload(); // the previous test left this form edited
    const validFrom = page.getByRole('textbox', { name: 'Hiệu lực từ ngày', exact: true });
    const validTo = page.getByRole('textbox', { name: 'Hiệu lực đến ngày', exact: true });
    await waitForValue(validTo, '30/06/2025');
    expect(await validFrom.inputValue()).toBe('');

    await validFrom.fill('31/02/2020');
    await validFrom.blur();
    await page.getByRole('button', { name: 'Lưu' }).click();
    const describedBy = await validFrom.getAttribute('aria-describedby');
    await page.locator(`[id="${describedBy}"]`, { hasText: 'Ngày 31/02/2020 không tồn tại' }).waitFor();

    await validFrom.fill('1/7/2020');
    await validFrom.blur();
    await waitForValue(validFrom, '01/07/2020');
    const saved = mutationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const response = await saved;
    const sent = JSON.parse(response.request().postData() ?? '{}') as { variables?: { input?: { validFrom?: string; validTo?: string } } };
    expect(sent.variables?.input).toMatchObject({ validFrom: '2020-07-01', validTo: '2025-06-30' });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    await page.waitForURL(/\/show$/);
    await page.getByText('01/07/2020').first().waitFor();
    const stored = await server.rest<{ validFrom: string; validTo: string }>('GET', `/api/v1/units/${tienHai.id}`);
    expect(stored.body).toMatchObject({ validFrom: '2020-07-01', validTo: '2025-06-30' });
  });

  it('filters by a date typed dd/MM/yyyy and downloads the filtered list as Excel', async () => {
    await page.goto(`${server.baseUrl}/#/units`);
    await page.getByPlaceholder('Tìm kiếm').fill('tien hai');
    await page.getByText('Ban Dân vận Huyện ủy Tiền Hải').waitFor();
    await page.getByText('Tỉnh ủy Hà Tĩnh').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Thêm bộ lọc' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Còn hiệu lực vào ngày' }).click();
    // Huyện ủy Tiền Hải was dissolved after 30/06/2025; its Ban Dân vận is still valid.
    await page.getByRole('textbox', { name: 'Còn hiệu lực vào ngày', exact: true }).fill('1/7/2025');
    // The list's filter (in the URL) holds yyyy-MM-dd.
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"validOn":"2025-07-01"'));
    await page.getByRole('cell', { name: 'HU-342', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'BDV-342', exact: true }).waitFor();

    const requested = page.waitForRequest((r) => r.url().includes('/api/v1/units/export.xlsx'));
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const query = new URL((await requested).url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({ q: 'tien hai', validOn: '2025-07-01', sort: 'code' });
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^don-vi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an .xlsx is a zip

    // While the server works the button is busy; a refusal is shown with the server's reason.
    const exportButton = page.getByRole('button', { name: 'Xuất Excel' });
    await exportButton.and(page.locator(':not([disabled])')).waitFor();
    const detail = 'Có 12.345 đơn vị khớp bộ lọc, vượt quá 10.000 dòng. Hãy lọc hẹp hơn.';
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route(/\/api\/v1\/units\/export\.xlsx/, async (route) => {
      await answered;
      await route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 422, title: 'Unprocessable Entity', detail }),
      });
    });
    await exportButton.click();
    await exportButton.getByRole('progressbar').waitFor();
    expect(await exportButton.isDisabled()).toBe(true);
    answer();
    await page.getByText(detail).waitFor();
    await exportButton.and(page.locator(':not([disabled])')).waitFor();
    await page.unroute(/\/api\/v1\/units\/export\.xlsx/);
  });
});
