import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestAccount } from '@danvan/testing';
import { launchChromium } from './browser.js';
import { CRITERIA } from './fixtures.js';
import { signIn } from './session.js';

/**
 * A member organisation in the admin: it registers its targets and breakthrough tasks for a pledge (3 to 5
 * tasks), then scores its own sheet with a comment per line and evidence files (uploaded, downloaded,
 * removed), and submits it. One server for the file; the organisation's account belongs to Phú Riềng.
 */

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let browser: BrowserContext;
let page: Page;
let organisation: TestAccount;
let pledgeId: string;
let phuRieng: UnitView;
let buDang: UnitView;
let dongXoai: UnitView;

/** A small but real PDF: what the test uploads and expects back byte for byte. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PDF_NAME = 'Biên bản hội nghị 1.a.pdf';

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = (await server.graphql<T>(query, variables)) as GraphQLAnswer<T>;
  if (answer.errors?.length || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

async function advance(to: string): Promise<void> {
  const current = await server.rest<{ version: number }>('GET', `/api/v1/pledges/${pledgeId}`);
  await gql(`mutation ($id: ID!, $v: Int!, $to: PledgeStatus!) { advancePledge(id: $id, expectedVersion: $v, to: $to) { status } }`, {
    id: pledgeId,
    v: current.body.version,
    to,
  });
}

interface RegistrationAnswer {
  id: string;
  unit: { id: string };
  breakthroughTasks: string[];
  targets: Array<{ title: string; measure: string | null }>;
  version: number;
}

async function registrationOf(unit: UnitView): Promise<RegistrationAnswer | undefined> {
  const { pledge } = await gql<{ pledge: { registrations: RegistrationAnswer[] } }>(
    `query ($id: ID!) { pledge(id: $id) { registrations { id unit { id } breakthroughTasks targets { title measure } version } } }`,
    { id: pledgeId },
  );
  return pledge.registrations.find((registration) => registration.unit.id === unit.id);
}

interface SheetAnswer {
  status: string;
  version: number;
  lines: Array<{
    itemCode: string;
    selfScore: number | null;
    selfComment: string | null;
    evidence: Array<{ id: string; filename: string; sha256: string }>;
  }>;
}

async function sheetOf(unit: UnitView): Promise<SheetAnswer> {
  return (await server.rest<SheetAnswer>('GET', `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}`)).body;
}

beforeAll(async () => {
  server = await TestServer.start({ adminDist: resolve(root, 'dist/admin') });
  const province = await server.factory.unit({
    code: 'TU-70',
    name: 'Tỉnh ủy Bình Phước',
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    adminAreaCode: '70',
  });
  const commission = await server.factory.unit({
    code: 'BDVTU-70',
    name: 'Ban Dân vận Tỉnh ủy Bình Phước',
    shortName: 'BDVTU',
    parent: province,
    level: 'PROVINCE',
  });
  phuRieng = await server.factory.unit({ code: 'BDV-PR', name: 'Ban Dân vận Huyện ủy Phú Riềng', parent: province, level: 'DISTRICT' });
  buDang = await server.factory.unit({ code: 'BDV-BD', name: 'Ban Dân vận Huyện ủy Bù Đăng', parent: province, level: 'DISTRICT' });
  dongXoai = await server.factory.unit({ code: 'BDV-DX', name: 'Ban Dân vận Thành ủy Đồng Xoài', parent: province, level: 'DISTRICT' });

  const { createBloc } = await gql<{ createBloc: { id: string } }>(
    `mutation ($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    {
      input: {
        year: 2024,
        name: 'Khối Ban Dân vận các huyện, thị, thành ủy',
        ownerUnitId: commission.id,
        memberIds: [phuRieng.id, buDang.id, dongXoai.id],
      },
    },
  );
  const { createPledge } = await gql<{ createPledge: { id: string; version: number } }>(
    `mutation ($input: CreatePledgeInput!) { createPledge(input: $input) { id version } }`,
    {
      input: {
        blocId: createBloc.id,
        title: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận',
        breakthroughMin: 3,
        breakthroughMax: 5,
        criteria: CRITERIA,
      },
    },
  );
  pledgeId = createPledge.id;
  await gql(
    `mutation ($id: ID!, $v: Int!, $input: SignPledgeInput!) { signPledge(id: $id, expectedVersion: $v, input: $input) { version } }`,
    {
      id: pledgeId,
      v: createPledge.version,
      input: { signedOn: '2024-01-12', signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2023', signingPlace: 'Phú Riềng' },
    },
  );
  await advance('REGISTRATION_OPEN');
  for (const unit of [buDang, dongXoai]) {
    const registered = await server.rest('PUT', `/api/v1/pledges/${pledgeId}/registrations/${unit.id}`, {
      targets: [{ title: 'Xây dựng mô hình "Dân vận khéo"', measure: '5 mô hình' }],
      breakthroughTasks: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
    });
    expect(registered.status).toBe(200);
  }

  organisation = await server.factory.account({ role: 'ORGANISATION', unitId: phuRieng.id });
  browser = await launchChromium();
  page = await browser.newPage();
  await signIn(page, server.baseUrl, organisation);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function operationDone(name: string) {
  return page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(name));
}

/** The registrations table's row of a unit, once it shows. */
function registrationRow(unit: UnitView): Locator {
  return page.getByRole('table', { name: 'Đăng ký chỉ tiêu' }).getByRole('row').filter({ hasText: unit.name });
}

async function waitUntilEnabled(button: Locator): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (await button.isDisabled()) {
    if (Date.now() > deadline) throw new Error('the button never became enabled');
    await page.waitForTimeout(50);
  }
}

/** The upload of an evidence file (POST …/score-sheets/:unitId/evidence?itemCode=…). */
const isUpload = (url: URL) => url.pathname.endsWith('/evidence') && url.searchParams.has('itemCode');

async function waitForInputValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`input never showed "${value}" (shows "${await input.inputValue()}")`);
    await page.waitForTimeout(50);
  }
}

describe('a member organisation registers and scores itself (Chromium)', () => {
  it('registers 3 breakthrough tasks (2 are refused with the pledge’s range) and sees them after a reload', async () => {
    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/show`);
    await page.getByRole('heading', { name: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận', exact: true }).waitFor();
    // Only its own unit may be registered from this account.
    await page.getByRole('button', { name: `Đăng ký chỉ tiêu cho ${phuRieng.name}` }).waitFor();
    expect(await page.getByRole('button', { name: /^Đăng ký chỉ tiêu cho / }).count()).toBe(1);
    await page.getByRole('button', { name: `Đăng ký chỉ tiêu cho ${phuRieng.name}` }).click();

    const dialog = page.getByRole('dialog', { name: `Đăng ký chỉ tiêu: ${phuRieng.name}` });
    await dialog.getByRole('textbox', { name: /^Nội dung chỉ tiêu/ }).fill('Xây dựng mô hình "Dân vận khéo" cấp huyện');
    await dialog.getByRole('textbox', { name: /^Chỉ tiêu đo được/ }).fill('5 mô hình');
    // The form offers as many tasks as the pledge asks at least: three; two are filled and the third removed.
    const tasks = dialog.getByRole('textbox', { name: /^Nhiệm vụ đột phá/ });
    expect(await tasks.count()).toBe(3);
    await tasks.nth(0).fill('Chuyển đổi số công tác dân vận');
    await tasks.nth(1).fill('Nâng cao chất lượng đối thoại với nhân dân');
    // react-admin shows a line's remove button while the line is hovered.
    await tasks.nth(2).hover();
    await dialog.getByRole('button', { name: 'Xóa bỏ', exact: true }).click();
    expect(await tasks.count()).toBe(2);
    let sent = 0;
    const count = (request: { url(): string; postData(): string | null }) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('RegisterPledgeTargets')) sent++;
    };
    page.on('request', count);
    await dialog.getByRole('button', { name: 'Lưu đăng ký' }).click();
    await dialog.getByText('Giao ước yêu cầu đăng ký từ 3 đến 5 nhiệm vụ đột phá (đang có 2).').waitFor();
    expect(sent).toBe(0);
    page.off('request', count);

    await dialog.getByRole('button', { name: 'Thêm', exact: true }).last().click();
    await tasks.nth(2).fill('Xây dựng tổ tự quản ở khu dân cư');
    const saved = operationDone('RegisterPledgeTargets');
    await dialog.getByRole('button', { name: 'Lưu đăng ký' }).click();
    const answer = (await (await saved).json()) as { errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    await dialog.waitFor({ state: 'hidden' });
    await registrationRow(phuRieng).getByText('Xây dựng tổ tự quản ở khu dân cư').waitFor();
    await page.getByText('Đã đăng ký: 3/3 đơn vị.').waitFor();

    await page.reload();
    const row = registrationRow(phuRieng);
    await row.getByText('Chuyển đổi số công tác dân vận').waitFor();
    await row.getByText('Nâng cao chất lượng đối thoại với nhân dân').waitFor();
    await row.getByText('Xây dựng tổ tự quản ở khu dân cư').waitFor();
    await row.getByText('Xây dựng mô hình "Dân vận khéo" cấp huyện (5 mô hình)').waitFor();
    expect(await registrationOf(phuRieng)).toMatchObject({
      version: 1,
      targets: [{ title: 'Xây dựng mô hình "Dân vận khéo" cấp huyện', measure: '5 mô hình' }],
      breakthroughTasks: [
        'Chuyển đổi số công tác dân vận',
        'Nâng cao chất lượng đối thoại với nhân dân',
        'Xây dựng tổ tự quản ở khu dân cư',
      ],
    });
  });

  it('edits the registration with its version; a change made meanwhile elsewhere is refused, shown, and replaced only on a second save', async () => {
    await page.getByRole('button', { name: `Sửa đăng ký chỉ tiêu của ${phuRieng.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Sửa đăng ký chỉ tiêu: ${phuRieng.name}` });
    const tasks = dialog.getByRole('textbox', { name: /^Nhiệm vụ đột phá/ });
    await waitForInputValue(tasks.nth(2), 'Xây dựng tổ tự quản ở khu dân cư');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).last().click();
    await tasks.nth(3).fill('Dân vận khéo trong giải phóng mặt bằng');
    let saved = operationDone('RegisterPledgeTargets');
    await dialog.getByRole('button', { name: 'Lưu đăng ký' }).click();
    expect(((await (await saved).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await dialog.waitFor({ state: 'hidden' });
    await registrationRow(phuRieng).getByText('Dân vận khéo trong giải phóng mặt bằng').waitFor();
    expect((await registrationOf(phuRieng))?.version).toBe(2);

    // The dialog is opened on version 2; meanwhile the unit's own system registers again (version 3).
    await page.getByRole('button', { name: `Sửa đăng ký chỉ tiêu của ${phuRieng.name}` }).click();
    await waitForInputValue(tasks.nth(3), 'Dân vận khéo trong giải phóng mặt bằng');
    const elsewhere = await server.rest(
      'PUT',
      `/api/v1/pledges/${pledgeId}/registrations/${phuRieng.id}`,
      {
        targets: [{ title: 'Xây dựng mô hình "Dân vận khéo" cấp huyện', measure: '6 mô hình' }],
        breakthroughTasks: [
          'Chuyển đổi số công tác dân vận',
          'Nâng cao chất lượng đối thoại với nhân dân',
          'Xây dựng tổ tự quản ở khu dân cư',
        ],
      },
      { 'if-match': '"2"' },
    );
    expect(elsewhere.status).toBe(200);
    await tasks.nth(0).fill('Chuyển đổi số toàn diện công tác dân vận');
    saved = operationDone('RegisterPledgeTargets');
    await dialog.getByRole('button', { name: 'Lưu đăng ký' }).click();
    await saved;
    await dialog.getByRole('alert').filter({ hasText: 'Bản đăng ký chỉ tiêu vừa được người khác lưu trong lúc bạn đang sửa' }).waitFor();
    // The newer registration is shown beside what was typed, which is kept.
    const newer = dialog.getByRole('alert', { name: 'Bản đăng ký mới nhất của đơn vị' });
    await newer.getByText('Chỉ tiêu: Xây dựng mô hình "Dân vận khéo" cấp huyện (6 mô hình).').waitFor();
    await newer.getByText('Nội dung bạn nhập bên dưới vẫn được giữ nguyên.', { exact: false }).waitFor();
    expect(await tasks.nth(0).inputValue()).toBe('Chuyển đổi số toàn diện công tác dân vận');
    expect(await tasks.nth(3).inputValue()).toBe('Dân vận khéo trong giải phóng mặt bằng');
    expect(await registrationOf(phuRieng)).toMatchObject({ version: 3, targets: [{ measure: '6 mô hình' }] });
    // Saved again: now on the newer version, so accepted, with what was typed.
    saved = operationDone('RegisterPledgeTargets');
    await dialog.getByRole('button', { name: 'Lưu đăng ký' }).click();
    expect(((await (await saved).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await dialog.waitFor({ state: 'hidden' });
    await registrationRow(phuRieng).getByText('Chuyển đổi số toàn diện công tác dân vận').waitFor();
    expect(await registrationOf(phuRieng)).toMatchObject({
      version: 4,
      targets: [{ measure: '5 mô hình' }],
      breakthroughTasks: [
        'Chuyển đổi số toàn diện công tác dân vận',
        'Nâng cao chất lượng đối thoại với nhân dân',
        'Xây dựng tổ tự quản ở khu dân cư',
        'Dân vận khéo trong giải phóng mặt bằng',
      ],
    });
  });

  it('writes a comment per line that persists, and uploads, downloads and removes an evidence file', async () => {
    await advance('SCORING_OPEN');
    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/self-score`);
    await page.reload();
    const score = page.getByRole('textbox', { name: 'Điểm tự chấm mục 1.a' });
    const comment = page.getByRole('textbox', { name: 'Giải trình mục 1.a' });
    // Nothing saved yet: files wait for the line's score.
    const upload = page.getByRole('button', { name: 'Tải lên minh chứng mục 1.a' });
    await upload.waitFor();
    expect(await upload.isDisabled()).toBe(true);

    await score.fill('9');
    await comment.fill('Đã ban hành Kế hoạch 151-KH/BDVTU ngày 21/12/2023');
    // A comment needs its line's score.
    await page.getByRole('textbox', { name: 'Giải trình mục 1.b' }).fill('Sơ kết 6 tháng đúng hạn');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await page.getByText('Hãy nhập điểm tự chấm mục 1.b để lưu kèm giải trình.').waitFor();
    await page.getByRole('textbox', { name: 'Giải trình mục 1.b' }).fill('');
    const saved = operationDone('SaveSelfScores');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    expect(((await (await saved).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await page.getByText('Đã lưu điểm tự chấm.').waitFor();
    expect((await sheetOf(phuRieng)).lines.find((line) => line.itemCode === '1.a')).toMatchObject({
      selfScore: 9,
      selfComment: 'Đã ban hành Kế hoạch 151-KH/BDVTU ngày 21/12/2023',
    });

    // A file the server would refuse is refused before it is sent.
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await upload.click();
      await (await chooser).setFiles(file);
    };
    await waitUntilEnabled(upload);
    let posted = 0;
    const countPosts = (request: { url(): string; method(): string }) => {
      if (request.method() === 'POST' && isUpload(new URL(request.url()))) posted++;
    };
    page.on('request', countPosts);
    await choose({ name: 'danh-sach.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Tệp "danh-sach.zip" không được nhận: chỉ nhận PDF, Ảnh JPEG, Ảnh PNG, Word (.docx), Excel (.xlsx).' })
      .waitFor();
    await choose({ name: 'ban-chup.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(12 * 1024 * 1024, 0x20) });
    await page.getByRole('alert').filter({ hasText: 'Tệp "ban-chup.pdf" (12 MB) lớn quá mức cho phép 10 MB.' }).waitFor();
    expect(posted).toBe(0);
    page.off('request', countPosts);

    // The upload shows its progress (the answer is held back a moment so that it can be seen).
    const holdBack = async (route: Route) => {
      await new Promise((done) => setTimeout(done, 700));
      await route.continue();
    };
    await page.route(isUpload, holdBack);
    const uploaded = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes(`/score-sheets/${phuRieng.id}/evidence?`),
    );
    await choose({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('progressbar', { name: new RegExp(`^Đang tải lên ${PDF_NAME}`) }).waitFor();
    const response = await uploaded;
    expect(response.status()).toBe(201);
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    expect(response.request().headers()['content-type']).toBe('application/pdf');
    // A retry of this upload cannot store the file twice.
    expect(response.request().headers()['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    await page.unroute(isUpload, holdBack);

    // Listed on its line, and downloaded with the session's token: the same name, the same bytes.
    const files = page.getByRole('group', { name: 'Minh chứng mục 1.a' });
    const fileButton = files.getByRole('button', { name: PDF_NAME, exact: true });
    await fileButton.waitFor();
    const requested = page.waitForRequest((r) => /\/api\/v1\/evidence\/[^/?]+$/.test(r.url()) && r.method() === 'GET');
    const downloaded = page.waitForEvent('download');
    await fileButton.click();
    expect((await requested).headers().authorization).toMatch(/^Bearer /);
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    expect(Buffer.compare(await readFile(await download.path()), PDF)).toBe(0);
    const stored = (await sheetOf(phuRieng)).lines.find((line) => line.itemCode === '1.a')?.evidence ?? [];
    expect(stored.map((file) => file.filename)).toEqual([PDF_NAME]);

    // Removed after a confirmation (DELETE …/evidence/:id, 204).
    await files.getByRole('button', { name: `Xóa tệp minh chứng ${PDF_NAME}` }).click();
    const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith(`/api/v1/evidence/${stored[0].id}`));
    await page.getByRole('button', { name: 'Xóa tệp', exact: true }).click();
    expect((await removed).status()).toBe(204);
    await fileButton.waitFor({ state: 'detached' });
    expect((await sheetOf(phuRieng)).lines.find((line) => line.itemCode === '1.a')?.evidence).toEqual([]);

    // The comment is kept: read back from the server after a reload.
    await page.reload();
    await waitForInputValue(page.getByRole('textbox', { name: 'Giải trình mục 1.a' }), 'Đã ban hành Kế hoạch 151-KH/BDVTU ngày 21/12/2023');
    await waitForInputValue(page.getByRole('textbox', { name: 'Điểm tự chấm mục 1.a' }), '9');
  });

  it('keeps what was typed when the sheet is saved elsewhere meanwhile; a saved score cannot be emptied', async () => {
    const score = (code: string) => page.getByRole('textbox', { name: `Điểm tự chấm mục ${code}` });
    const comment = (code: string) => page.getByRole('textbox', { name: `Giải trình mục ${code}` });
    const saveButton = page.getByRole('button', { name: 'Lưu điểm tự chấm' });
    await waitForInputValue(score('1.a'), '9');
    await waitUntilEnabled(saveButton);

    // Emptying a saved score would be ignored by the server: refused here, nothing sent.
    let sent = 0;
    const count = (request: { url(): string; postData(): string | null }) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('SaveSelfScores')) sent++;
    };
    page.on('request', count);
    await score('1.a').fill('');
    await saveButton.click();
    await page.getByText('Nhập 0 nếu mục này không đạt; không xóa được điểm đã lưu.').waitFor();
    expect(sent).toBe(0);
    page.off('request', count);
    await score('1.a').fill('9');

    // The user types 1.b; meanwhile another tab of the unit saves its bonus line.
    await score('1.b').fill('8');
    await comment('1.b').fill('Sơ kết 6 tháng đúng hạn');
    const saveElsewhere = async (points: number) =>
      gql(
        `mutation ($p: ID!, $u: ID!, $v: Int, $input: SelfScoresInput!) { saveSelfScores(pledgeId: $p, unitId: $u, expectedVersion: $v, input: $input) { version } }`,
        {
          p: pledgeId,
          u: phuRieng.id,
          v: (await sheetOf(phuRieng)).version,
          input: { scores: [{ itemCode: 'C1', score: points, comment: 'Mô hình được tỉnh công nhận' }] },
        },
      );
    await saveElsewhere(2);
    // Back on the window, the sheet is read again: the newer lines show, what was typed stays, and the page says so.
    await page.evaluate("window.dispatchEvent(new Event('visibilitychange'))");
    const notice = page.getByRole('alert', { name: 'Bảng điểm vừa thay đổi ở nơi khác' });
    await notice.getByText('Những gì bạn đã nhập mà chưa lưu vẫn được giữ nguyên (mục 1.b)', { exact: false }).waitFor();
    await waitForInputValue(score('C1'), '2');
    await waitForInputValue(comment('C1'), 'Mô hình được tỉnh công nhận');
    expect(await score('1.b').inputValue()).toBe('8');
    expect(await comment('1.b').inputValue()).toBe('Sơ kết 6 tháng đúng hạn');
    expect(await score('1.a').inputValue()).toBe('9');

    // Saved elsewhere once more, unseen: the save is refused (version conflict); the input is still kept.
    await saveElsewhere(3);
    let saved = operationDone('SaveSelfScores');
    await saveButton.click();
    expect(((await (await saved).json()) as { errors?: Array<{ extensions?: { reason?: string } }> }).errors?.[0]?.extensions?.reason).toBe(
      'VERSION_CONFLICT',
    );
    await waitForInputValue(score('C1'), '3');
    expect(await score('1.b').inputValue()).toBe('8');
    expect(await comment('1.b').inputValue()).toBe('Sơ kết 6 tháng đúng hạn');
    await notice.waitFor();

    // Saved again, on the newer version: accepted, with both what was typed here and what was saved elsewhere.
    await waitUntilEnabled(saveButton);
    saved = operationDone('SaveSelfScores');
    await saveButton.click();
    expect(((await (await saved).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await page.getByText('Đã lưu điểm tự chấm.').waitFor();
    await notice.waitFor({ state: 'detached' });
    const lines = (await sheetOf(phuRieng)).lines;
    expect(lines.find((line) => line.itemCode === '1.a')).toMatchObject({
      selfScore: 9,
      selfComment: 'Đã ban hành Kế hoạch 151-KH/BDVTU ngày 21/12/2023',
    });
    expect(lines.find((line) => line.itemCode === '1.b')).toMatchObject({ selfScore: 8, selfComment: 'Sơ kết 6 tháng đúng hạn' });
    expect(lines.find((line) => line.itemCode === 'C1')).toMatchObject({ selfScore: 3, selfComment: 'Mô hình được tỉnh công nhận' });
  });

  it('once the sheet is submitted, offers no more uploads or removals; its files stay downloadable', async () => {
    await page.getByRole('textbox', { name: 'Điểm tự chấm mục 1.b' }).fill('8');
    await page.getByRole('textbox', { name: 'Điểm tự chấm mục 2' }).fill('30');
    const saved = operationDone('SaveSelfScores');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await saved;
    const upload = page.getByRole('button', { name: 'Tải lên minh chứng mục 2' });
    await waitUntilEnabled(upload);
    const chooser = page.waitForEvent('filechooser');
    await upload.click();
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && isUpload(new URL(r.url())));
    await (await chooser).setFiles({ name: 'Danh sách mô hình.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect((await uploaded).status()).toBe(201);
    await page
      .getByRole('group', { name: 'Minh chứng mục 2' })
      .getByRole('button', { name: 'Danh sách mô hình.pdf', exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Nộp để thẩm định' }).click();
    const submitted = operationDone('SubmitScoreSheet');
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp để thẩm định' }).click();
    expect(((await (await submitted).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await page.getByText('Đã nộp bảng điểm để thẩm định.').waitFor();
    const group = page.getByRole('group', { name: 'Minh chứng mục 2' });
    await group.getByRole('button', { name: 'Danh sách mô hình.pdf', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Tải lên minh chứng mục/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Xóa tệp minh chứng/ }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Giải trình mục 1.a' }).isDisabled()).toBe(true);
    expect((await sheetOf(phuRieng)).status).toBe('SUBMITTED');
  });
});
