import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestAccount } from '@danvan/testing';
import { launchChromium } from './browser.js';
import { signIn, signOut, submitLogin } from './session.js';

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let browser: BrowserContext;
let page: Page;
let thaiBinh: UnitView;
let admin: TestAccount;
let viewer: TestAccount;
/** The account the administrator creates in the UI, with the one-time password the dialog showed. */
let created: { username: string; password: string } | undefined;

/** Today in Vietnam as dd/MM/yyyy (the browser runs in Asia/Ho_Chi_Minh). */
const vnDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

beforeAll(async () => {
  server = await TestServer.start({ adminDist: resolve(root, 'dist/admin') });
  const central = await server.factory.unit({
    code: 'BCHTW',
    name: 'Ban Chấp hành Trung ương Đảng',
    kind: 'PARTY_COMMITTEE',
    level: 'CENTRAL',
  });
  thaiBinh = await server.factory.unit({
    code: 'TU-34',
    name: 'Tỉnh ủy Thái Bình',
    kind: 'PARTY_COMMITTEE',
    parent: central,
    level: 'PROVINCE',
    adminAreaCode: '34',
  });
  admin = await server.factory.account({ role: 'ADMIN', unitId: null });
  viewer = await server.factory.account({ role: 'VIEWER', unitId: thaiBinh.id });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for the GraphQL operation `name` to come back from the server. */
function operationDone(name: string) {
  return page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(name));
}

function loginAnswered() {
  return page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
}

/** Waits until an input shows `value` (react-admin fills a form once its record has loaded). */
async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`input never showed "${value}"`);
    await page.waitForTimeout(50);
  }
}

/** Where the admin keeps its session (see apps/admin/src/auth/session.ts). */
const SESSION_KEY = 'danvan.session';

/** The session the admin stored in the page's localStorage (expressions as text: this file has no DOM typings). */
async function storedSession(): Promise<Record<string, unknown> | null> {
  const text = await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(SESSION_KEY)})`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

async function storeSession(session: Record<string, unknown> | null): Promise<void> {
  await page.evaluate(`localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))})`);
}

/** Picks a unit in an autocomplete by typing part of its name. */
async function pickUnit(label: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).fill(name.split(' ').slice(-2).join(' '));
  await page.getByRole('option', { name }).click();
}

describe('identity in the admin (Chromium)', () => {
  it('refuses wrong credentials in Vietnamese and says how long a locked account must wait', async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL((url) => url.hash.startsWith('#/login'));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hãy nhập tên đăng nhập và mật khẩu.' }).waitFor();

    let answered = loginAnswered();
    await submitLogin(page, server.baseUrl, { username: admin.username, password: 'khong-dung-mat-khau-1' });
    expect((await answered).status()).toBe(401);
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();

    // Five failures in a row lock the account for 15 minutes.
    const unlucky = await server.factory.account({ role: 'VIEWER', unitId: thaiBinh.id });
    for (let attempt = 1; attempt <= 5; attempt++) {
      answered = loginAnswered();
      await submitLogin(page, server.baseUrl, { username: unlucky.username, password: `sai-mat-khau-${attempt}` });
      await answered;
    }
    await page
      .getByRole('alert')
      .filter({ hasText: 'Đăng nhập sai quá nhiều lần nên tạm thời bị khóa. Hãy thử lại sau 15 phút.' })
      .waitFor();
    expect(page.url()).toContain('#/login');
  });

  it('signs an administrator in, shows who is signed in, and renews a refused access token by itself', async () => {
    await signIn(page, server.baseUrl, admin);
    await page.getByRole('link', { name: 'Tạo mới' }).waitFor(); // the unit list, with its create button
    for (const item of ['Đơn vị', 'Tài khoản', 'Khóa API', 'Nhật ký thay đổi']) {
      await page.getByRole('menuitem', { name: item, exact: true }).waitFor();
    }

    await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
    const identity = page.getByTestId('user-identity');
    await identity.getByText('Quản trị hệ thống').waitFor();
    await identity.getByText(/^Cán bộ thử \d+$/).waitFor();
    await identity.getByText('Không thuộc đơn vị nào').waitFor();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
    await page.keyboard.press('Escape');

    // The stored access token stops working (as after 15 minutes): the admin refreshes once and carries on.
    const before = await storedSession();
    await storeSession({ ...before, accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await page.getByRole('cell', { name: 'Tỉnh ủy Thái Bình', exact: true }).waitFor();
    const after = await storedSession();
    expect(after?.refreshToken).toMatch(/^drt_/);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
  });

  it('creates an API key, shows its secret once, and revokes it after a confirmation', async () => {
    await page.goto(`${server.baseUrl}/#/api-keys`);
    await page.getByRole('link', { name: 'Tạo mới' }).click();
    await page.getByRole('textbox', { name: /^Tên khóa/ }).fill('Cổng thông tin MTTQ tỉnh');
    await pickUnit('Đơn vị', 'Tỉnh ủy Thái Bình');
    expect(await page.getByRole('checkbox', { name: 'Xem đơn vị' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Thêm, sửa, xóa đơn vị' }).check();
    await page.getByRole('textbox', { name: 'Hết hạn', exact: true }).fill('31/12/2099');
    const createdKey = operationDone('createApiKey');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const response = await createdKey;
    const sent = JSON.parse(response.request().postData() ?? '{}') as { variables: { input: Record<string, unknown> } };
    // Valid through 31/12/2099 in Vietnam (UTC+7).
    expect(sent.variables.input).toEqual({
      name: 'Cổng thông tin MTTQ tỉnh',
      unitId: thaiBinh.id,
      scopes: ['units:read', 'units:write'],
      expiresAt: '2099-12-31T16:59:59Z',
    });

    const dialog = page.getByRole('dialog', { name: 'Đã tạo khóa API' });
    const secret = await dialog.getByRole('textbox', { name: 'Khóa API' }).inputValue();
    expect(secret).toMatch(/^dvk_/);
    await dialog.getByText('chỉ hiển thị một lần').waitFor();
    expect((await server.as(secret).rest('GET', '/api/v1/units')).status).toBe(200);
    await dialog.getByRole('button', { name: 'Đã lưu, đóng lại' }).click();

    // The list knows the key by its prefix only; the secret is gone from the page.
    await page.waitForURL(/#\/api-keys$/);
    const row = page.getByRole('row').filter({ hasText: 'Cổng thông tin MTTQ tỉnh' });
    await row.getByText('Đang dùng').waitFor();
    await row.getByText(`${secret.split('_').slice(0, 2).join('_')}_…`).waitFor();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Thu hồi khóa API "Cổng thông tin MTTQ tỉnh"?' });
    await confirm.getByText('Không thể hoàn tác').waitFor();
    const revoked = operationDone('revokeApiKey');
    await confirm.getByRole('button', { name: 'Thu hồi' }).click();
    expect(((await (await revoked).json()) as { errors?: unknown }).errors).toBeUndefined();
    await page.getByText('Đã thu hồi khóa API "Cổng thông tin MTTQ tỉnh"').waitFor();
    await row.waitFor({ state: 'detached' }); // only keys in use are listed by default
    expect((await server.as(secret).rest('GET', '/api/v1/units')).status).toBe(401);

    await page.getByRole('switch', { name: 'Hiện cả khóa đã thu hồi, hết hạn' }).check();
    await page.getByRole('row').filter({ hasText: 'Cổng thông tin MTTQ tỉnh' }).getByText('Đã thu hồi').waitFor();
  });

  it('records a unit edit in the audit log, shown before → after, and filters it by day', async () => {
    await page.goto(`${server.baseUrl}/#/units/${thaiBinh.id}`);
    const shortName = page.getByRole('textbox', { name: 'Tên viết tắt', exact: true });
    await waitForValue(page.getByRole('textbox', { name: /^Mã đơn vị\s*\*?$/ }), 'TU-34');
    await shortName.fill('TU Thái Bình');
    const saved = operationDone('updateUnit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await saved;
    await page.waitForURL(/\/show$/);

    // From the unit's page, its history.
    await page.locator('#main-content').getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"entityId":"${thaiBinh.id}"`));
    const edit = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Sửa', exact: true }) });
    await edit.getByRole('cell', { name: 'Đơn vị', exact: true }).waitFor();
    await edit.getByRole('link', { name: 'Tỉnh ủy Thái Bình' }).waitFor();
    await edit.getByText(admin.username, { exact: true }).waitFor();
    await edit.locator('dd', { hasText: '(trống) → TU Thái Bình' }).waitFor();
    await edit.getByText('Tên viết tắt:').waitFor();

    // The whole log, filtered by entity, action and a range of days typed dd/MM/yyyy.
    await page.goto(`${server.baseUrl}/#/audit-events`);
    await page.getByRole('combobox', { name: 'Thao tác' }).click();
    await page.getByRole('option', { name: 'Sửa' }).click();
    await page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill(vnDay());
    await page.locator('dd', { hasText: '(trống) → TU Thái Bình' }).waitFor();
    await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill(vnDay(-1));
    await page.locator('dd', { hasText: '(trống) → TU Thái Bình' }).waitFor({ state: 'detached' });
    await page.getByText('không có kết quả nào khớp với bộ lọc hiện tại').waitFor();
  });

  it('creates an account and shows its one-time password once', async () => {
    await page.goto(`${server.baseUrl}/#/accounts/create`);
    const username = `chuyenvien.tb${process.pid}`;
    await page.getByRole('textbox', { name: /^Tên đăng nhập/ }).fill(username);
    await page.getByRole('textbox', { name: /^Họ và tên/ }).fill('Phạm Thị Thu Hà');
    await pickUnit('Đơn vị', 'Tỉnh ủy Thái Bình');
    const done = operationDone('createAccount');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await done;
    const dialog = page.getByRole('dialog', { name: 'Đã tạo tài khoản' });
    const password = await dialog.getByRole('textbox', { name: 'Mật khẩu dùng một lần' }).inputValue();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await dialog.getByRole('button', { name: 'Đã lưu, đóng lại' }).click();
    await page.waitForURL(/#\/accounts$/);
    const row = page.getByRole('row').filter({ hasText: username });
    await row.getByText('Văn phòng, chuyên viên Ban Dân vận').waitFor();
    await row.getByText('Chờ đổi mật khẩu').waitFor();
    created = { username, password };
  });

  it('signs out back to the login page, and the pages then need a new sign-in', async () => {
    await signOut(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await storedSession()).toBeNull();
    await page.goto(`${server.baseUrl}/#/units`);
    await page.waitForURL((url) => url.hash.startsWith('#/login'));
  });

  it('makes an account with a temporary password change it before anything else', async () => {
    if (!created) throw new Error('the account of the previous test is missing');
    await signIn(page, server.baseUrl, created);
    await page.waitForURL(/#\/change-password$/);
    await page.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
    await page.goto(`${server.baseUrl}/#/units`);
    await page.waitForURL(/#\/change-password$/);

    const current = page.getByRole('textbox', { name: /^Mật khẩu hiện tại\s*\*?$/ });
    const next = page.getByRole('textbox', { name: /^Mật khẩu mới\s*\*?$/ });
    const again = page.getByRole('textbox', { name: /^Nhập lại mật khẩu mới\s*\*?$/ });
    await current.fill(created.password);
    await next.fill('Thai-Binh-2026');
    await again.fill('Thai-Binh-2025');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Hai lần nhập mật khẩu mới không khớp nhau').waitFor();
    await again.fill('Thai-Binh-2026');
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password'));
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    expect((await changed).status()).toBe(200);
    await page.getByText('Đã đổi mật khẩu').waitFor();
    await page.getByRole('cell', { name: 'Tỉnh ủy Thái Bình', exact: true }).waitFor();
    expect((await server.login(created.username, 'Thai-Binh-2026')).status).toBe(200);
    await signOut(page);
  });

  it('a viewer reads units but is offered no create or edit, and no identity screens', async () => {
    await signIn(page, server.baseUrl, viewer);
    await page.getByRole('cell', { name: 'Tỉnh ủy Thái Bình', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tạo mới' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Đơn vị', exact: true }).waitFor();
    for (const item of ['Tài khoản', 'Khóa API', 'Nhật ký thay đổi']) {
      expect(await page.getByRole('menuitem', { name: item, exact: true }).count()).toBe(0);
    }

    await page.getByRole('cell', { name: 'Tỉnh ủy Thái Bình', exact: true }).click();
    await page.waitForURL(/\/show$/);
    await page.getByText('34', { exact: true }).waitFor(); // the show page has loaded
    expect(await page.getByRole('link', { name: 'Sửa' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nhật ký thay đổi' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
    await page.getByTestId('user-identity').getByText('Chỉ xem (lãnh đạo, báo cáo)').waitFor();
    await page.getByTestId('user-identity').getByText('Tỉnh ủy Thái Bình').waitFor();
    await page.keyboard.press('Escape');

    // Typing the address of a form does not help either.
    await page.goto(`${server.baseUrl}/#/units/create`);
    await page.getByText('Bạn không có quyền truy cập trang này').waitFor();
    await signOut(page);
  });
});
