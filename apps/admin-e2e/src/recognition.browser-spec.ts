import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestAccount } from '@danvan/testing';
import { launchChromium } from './browser.js';
import { signIn, signOut } from './session.js';

/**
 * Recognition in the admin: a secretariat registers a "Dân vận khéo" model, edits it (a concurrent change is
 * refused), raises its recognition twice; records an award (a ranked flag, and a form of commendation to a
 * person), revokes one with its reason (offered only where the server allows it); exports the awards to Excel
 * with the list's filters. One server.
 */

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let browser: BrowserContext;
let page: Page;
let secretariat: TestAccount;
let districtSecretariat: TestAccount;
let viewer: TestAccount;
let commission: UnitView;
let tienHai: UnitView;
let decisionId: string;
let modelId: string;
let awardId: string;

const MODEL_NAME = 'Vận động nhân dân hiến đất làm đường giao thông nông thôn';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = (await server.graphql<T>(query, variables)) as GraphQLAnswer<T>;
  if (answer.errors?.length || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

interface ModelAnswer {
  name: string;
  version: number;
  field: string;
  level: string;
  firstYear: number;
  lastYear: number | null;
  description: string | null;
  owner: { id: string };
  recognition: string;
  recognisedOn: string | null;
  recognitionDocument: { id: string } | null;
  results: Array<{ indicator: string; value: number; unit: string | null }>;
  evidence: Array<{ description: string; url: string | null }>;
  recognitionHistory: Array<{ from: string; to: string; recognisedOn: string }>;
}

async function modelOf(id: string): Promise<ModelAnswer> {
  return (
    await gql<{ model: ModelAnswer }>(
      `query ($id: ID!) { model(id: $id) { name version field level firstYear lastYear description owner { id } recognition recognisedOn recognitionDocument { id }
        results { indicator value unit } evidence { description url } recognitionHistory { from to recognisedOn } } }`,
      { id },
    )
  ).model;
}

interface AwardAnswer {
  title: { code: string; kind: string };
  recipientKind: string;
  recipientUnit: { id: string };
  personName: string | null;
  personPosition: string | null;
  rank: string | null;
  issuer: { id: string };
  decisionDocument: { id: string } | null;
  decidedOn: string;
  year: number;
  model: { id: string } | null;
  citation: string | null;
  revoked: boolean;
  revocationReason: string | null;
}

async function awardOf(id: string): Promise<AwardAnswer> {
  return (
    await gql<{ award: AwardAnswer }>(
      `query ($id: ID!) { award(id: $id) { title { code kind } recipientKind recipientUnit { id } personName personPosition rank issuer { id }
        decisionDocument { id } decidedOn year model { id } citation revoked revocationReason } }`,
      { id },
    )
  ).award;
}

beforeAll(async () => {
  server = await TestServer.start({ adminDist: resolve(root, 'dist/admin') });
  const province = await server.factory.unit({
    code: 'TU-34',
    name: 'Tỉnh ủy Thái Bình',
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    adminAreaCode: '34',
  });
  commission = await server.factory.unit({
    code: 'BDVTU-34',
    name: 'Ban Dân vận Tỉnh ủy Thái Bình',
    shortName: 'BDVTU',
    parent: province,
    level: 'PROVINCE',
  });
  tienHai = await server.factory.unit({
    code: 'HU-TH',
    name: 'Huyện ủy Tiền Hải',
    kind: 'PARTY_COMMITTEE',
    parent: province,
    level: 'DISTRICT',
  });
  await server.factory.unit({ code: 'BDV-TH', name: 'Ban Dân vận Huyện ủy Tiền Hải', parent: tienHai, level: 'DISTRICT' });
  const { createDocument } = await gql<{ createDocument: { id: string } }>(
    `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
    {
      input: {
        number: '45-QĐ/BDVTU',
        issuedOn: '2024-12-20',
        title: 'Quyết định công nhận mô hình "Dân vận khéo" tiêu biểu năm 2024',
        ownerUnitId: commission.id,
      },
    },
  );
  decisionId = createDocument.id;
  secretariat = await server.factory.account({ role: 'SECRETARIAT', unitId: province.id });
  // Manages the emulation, but over Tiền Hải only: it reads the awards Tiền Hải receives, not those it may revoke.
  districtSecretariat = await server.factory.account({ role: 'SECRETARIAT', unitId: tienHai.id });
  // Reads only, in another province (where no model is registered).
  const otherProvince = await server.factory.unit({
    code: 'TU-70',
    name: 'Tỉnh ủy Bình Phước',
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    adminAreaCode: '70',
  });
  viewer = await server.factory.account({ role: 'VIEWER', unitId: otherProvince.id });
  browser = await launchChromium();
  page = await browser.newPage();
  await signIn(page, server.baseUrl, secretariat);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function operationDone(name: string) {
  return page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(`"operationName":"${name}"`));
}

async function answerOf<T>(response: Promise<{ json(): Promise<unknown> }>): Promise<T> {
  const body = (await (await response).json()) as GraphQLAnswer<T>;
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** Picks an option in an autocomplete by typing part of it. */
async function pick(scope: Page | Locator, label: RegExp, typed: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).fill(typed);
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
}

/** Picks an option of a select. */
async function choose(scope: Page | Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`input never showed "${value}"`);
    await page.waitForTimeout(50);
  }
}

describe('recognition in the admin (Chromium)', () => {
  it('registers a "Dân vận khéo" model with its measured results and evidence', async () => {
    await page.goto(`${server.baseUrl}/#/models`);
    await page.getByRole('link', { name: 'Đăng ký mô hình' }).click();
    await page.waitForURL(/#\/models\/create$/);
    await page.getByRole('textbox', { name: /^Tên mô hình/ }).fill(MODEL_NAME);
    await pick(page, /^Đơn vị quản lý mô hình/, 'Huyện ủy Tiền Hải', 'Huyện ủy Tiền Hải');
    await choose(page, /^Lĩnh vực/, 'Kinh tế');
    await page.getByRole('spinbutton', { name: /^Năm bắt đầu/ }).fill('2017');
    await page
      .getByRole('textbox', { name: /^Mô tả/ })
      .first()
      .fill('Nhân dân tự nguyện hiến đất, góp công mở rộng đường thôn, xóm.');
    const adds = page.getByRole('button', { name: 'Thêm', exact: true });
    await adds.nth(0).click();
    await page.getByRole('textbox', { name: /^Chỉ tiêu kết quả/ }).fill('Đất hiến làm đường');
    await page.getByRole('spinbutton', { name: /^Giá trị/ }).fill('4685');
    await page.getByRole('textbox', { name: /^Đơn vị tính/ }).fill('m²');
    await adds.nth(1).click();
    await page.getByRole('textbox', { name: /^Mô tả minh chứng/ }).fill('Báo cáo sơ kết mô hình năm 2017');
    const url = page.getByRole('textbox', { name: /^Đường dẫn/ });
    await url.fill('bao-cao.pdf');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đường dẫn phải bắt đầu bằng http:// hoặc https://').waitFor();
    await url.fill('https://thaibinh.dcs.vn/bao-cao-so-ket-2017.pdf');
    const created = operationDone('CreateModel');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    modelId = (await answerOf<{ createModel: { id: string } }>(created)).createModel.id;
    await page.waitForURL(/#\/models\/[^/]+\/show$/);
    await page.getByText('4.685 m²').waitFor();
    await page.getByRole('link', { name: 'Báo cáo sơ kết mô hình năm 2017' }).waitFor();
    expect(await modelOf(modelId)).toMatchObject({
      name: MODEL_NAME,
      field: 'ECONOMY',
      level: 'DISTRICT',
      firstYear: 2017,
      owner: { id: tienHai.id },
      recognition: 'REGISTERED',
      results: [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }],
      evidence: [{ description: 'Báo cáo sơ kết mô hình năm 2017', url: 'https://thaibinh.dcs.vn/bao-cao-so-ket-2017.pdf' }],
    });
  });

  it('edits the model with its version; someone else’s change first is refused and the form is kept', async () => {
    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await page.waitForURL(/#\/models\/[^/]+$/);
    const description = page.getByRole('textbox', { name: /^Mô tả$|^Mô tả \*?$/ }).first();
    await waitForValue(description, 'Nhân dân tự nguyện hiến đất, góp công mở rộng đường thôn, xóm.');
    await page.getByRole('button', { name: 'Thêm', exact: true }).nth(0).click();
    await page
      .getByRole('textbox', { name: /^Chỉ tiêu kết quả/ })
      .nth(1)
      .fill('Xã đạt chuẩn nông thôn mới');
    await page
      .getByRole('spinbutton', { name: /^Giá trị/ })
      .nth(1)
      .fill('27');
    await page
      .getByRole('textbox', { name: /^Đơn vị tính/ })
      .nth(1)
      .fill('xã');
    let saved = operationDone('UpdateModel');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await answerOf(saved);
    await page.waitForURL(/#\/models\/[^/]+\/show$/);
    await page.getByText('27 xã').waitFor();
    const afterEdit = await modelOf(modelId);
    expect(afterEdit.version).toBe(2);
    expect(afterEdit.results).toEqual([
      { indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' },
      { indicator: 'Xã đạt chuẩn nông thôn mới', value: 27, unit: 'xã' },
    ]);

    // The edit page reads the model (version 2); only then does the district's system change it (version 3).
    const read = operationDone('Model');
    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await read;
    await waitForValue(description, 'Nhân dân tự nguyện hiến đất, góp công mở rộng đường thôn, xóm.');
    await gql(`mutation ($id: ID!, $input: UpdateModelInput!) { updateModel(id: $id, expectedVersion: 2, input: $input) { version } }`, {
      id: modelId,
      input: { description: 'Sửa từ hệ thống của huyện.', lastYear: 2030 },
    });
    await description.fill('Mô tả sửa trong trang quản trị.');
    saved = operationDone('UpdateModel');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved;
    // Refused; the model is read again: what was typed is kept, the rest is the latest (the district's end year).
    await page
      .getByText('Mô hình vừa được người khác sửa trong lúc bạn đang sửa. Những gì bạn đã nhập vẫn được giữ', { exact: false })
      .waitFor();
    await waitForValue(page.getByRole('spinbutton', { name: /^Năm kết thúc/ }), '2030');
    expect(await description.inputValue()).toBe('Mô tả sửa trong trang quản trị.');
    expect((await modelOf(modelId)).description).toBe('Sửa từ hệ thống của huyện.');
    // Saved again, now against the latest version: accepted, keeping the district's change to the other field.
    saved = operationDone('UpdateModel');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await answerOf(saved);
    await page.waitForURL(/#\/models\/[^/]+\/show$/);
    expect(await modelOf(modelId)).toMatchObject({ version: 4, description: 'Mô tả sửa trong trang quản trị.', lastYear: 2030 });
  });

  it('raises the model’s recognition to tiêu biểu, then tiêu biểu xuất sắc, with the date and decision', async () => {
    await page.goto(`${server.baseUrl}/#/models/${modelId}/show`);
    await page.getByRole('button', { name: 'Công nhận mô hình' }).click();
    let dialog = page.getByRole('dialog', { name: /^Công nhận mô hình/ });
    // The next step up is proposed.
    await dialog
      .getByRole('combobox', { name: /^Mức công nhận mới/ })
      .filter({ hasText: 'Tiêu biểu' })
      .waitFor();
    await dialog.getByRole('textbox', { name: /^Ngày công nhận/ }).fill('20/12/2024');
    await pick(dialog, /^Văn bản công nhận/, '45-QĐ', /^45-QĐ\/BDVTU/);
    let recognised = operationDone('RecogniseModel');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await answerOf(recognised);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Đăng ký → Tiêu biểu' }).waitFor();
    await page.getByText('45-QĐ/BDVTU (20/12/2024)').waitFor();

    await page.getByRole('button', { name: 'Công nhận mô hình' }).click();
    dialog = page.getByRole('dialog', { name: /^Công nhận mô hình/ });
    await dialog
      .getByRole('combobox', { name: /^Mức công nhận mới/ })
      .filter({ hasText: 'Tiêu biểu xuất sắc' })
      .waitFor();
    // Before the previous change: the server's reason beside the date.
    const date = dialog.getByRole('textbox', { name: /^Ngày công nhận/ });
    await date.fill('01/06/2024');
    recognised = operationDone('RecogniseModel');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await recognised;
    await dialog.getByText('Ngày công nhận không được trước lần thay đổi trước (20/12/2024).').first().waitFor();
    await date.fill('15/01/2025');
    recognised = operationDone('RecogniseModel');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await answerOf(recognised);
    await page.getByRole('cell', { name: 'Tiêu biểu → Tiêu biểu xuất sắc' }).waitFor();
    const model = await modelOf(modelId);
    expect(model).toMatchObject({ recognition: 'EXCELLENT', recognisedOn: '2025-01-15', recognitionDocument: null });
    expect(model.recognitionHistory.map((change) => [change.from, change.to, change.recognisedOn])).toEqual([
      ['REGISTERED', 'TYPICAL', '2024-12-20'],
      ['TYPICAL', 'EXCELLENT', '2025-01-15'],
    ]);
  });

  it('records a ranked award to a unit, and a form of commendation to a person for the model', async () => {
    await page.goto(`${server.baseUrl}/#/awards`);
    await page.getByRole('link', { name: 'Ghi nhận khen thưởng' }).click();
    await page.waitForURL(/#\/awards\/create$/);
    await choose(page, /^Danh hiệu, hình thức/, 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh');
    // A ranked title asks for the rank; a person cannot receive a flag, so switching to one clears the entry.
    await page.getByRole('combobox', { name: /^Hạng/ }).waitFor();
    await page.getByRole('radio', { name: 'Cá nhân' }).check();
    await page.getByRole('combobox', { name: /^Hạng/ }).waitFor({ state: 'detached' });
    expect((await page.getByRole('combobox', { name: /^Danh hiệu, hình thức/ }).innerText()).trim()).not.toContain('Cờ thi đua');
    await page.getByRole('radio', { name: 'Tập thể' }).check();
    await choose(page, /^Danh hiệu, hình thức/, 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh');
    await choose(page, /^Hạng/, 'Nhất');
    await pick(page, /^Đơn vị được khen/, 'Huyện ủy Tiền Hải', 'Huyện ủy Tiền Hải');
    await pick(page, /^Đơn vị khen thưởng/, 'Ban Dân vận Tỉnh ủy Thái Bình', 'Ban Dân vận Tỉnh ủy Thái Bình');
    await pick(page, /^Quyết định khen thưởng/, '45-QĐ', /^45-QĐ\/BDVTU/);
    await page.getByRole('textbox', { name: /^Ngày quyết định/ }).fill('30/12/2024');
    await page.getByRole('spinbutton', { name: /^Năm thành tích/ }).fill('2024');
    await page.getByRole('textbox', { name: /^Thành tích/ }).fill('Dẫn đầu phong trào thi đua "Dân vận khéo" năm 2024');
    let created = operationDone('CreateAward');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    awardId = (await answerOf<{ createAward: { id: string } }>(created)).createAward.id;
    await page.waitForURL(/#\/awards\/[^/]+\/show$/);
    await page.getByText('Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh – hạng Nhất').waitFor();
    await page.getByText('30/12/2024').first().waitFor();
    expect(await awardOf(awardId)).toMatchObject({
      title: { code: 'CO_THI_DUA_BO_TINH', kind: 'TITLE' },
      recipientKind: 'COLLECTIVE',
      recipientUnit: { id: tienHai.id },
      personName: null,
      rank: 'FIRST',
      issuer: { id: commission.id },
      decisionDocument: { id: decisionId },
      decidedOn: '2024-12-30',
      year: 2024,
      citation: 'Dẫn đầu phong trào thi đua "Dân vận khéo" năm 2024',
      revoked: false,
    });

    // From the model's page: the model and its unit are filled in; a person gets a form of commendation.
    await page.goto(`${server.baseUrl}/#/models/${modelId}/show`);
    await page.getByRole('link', { name: 'Khen thưởng mô hình' }).click();
    await page.waitForURL(/#\/awards\/create/);
    await page.getByRole('radio', { name: 'Cá nhân' }).check();
    await waitForValue(page.getByRole('combobox', { name: /^Đơn vị công tác của cá nhân/ }), 'Huyện ủy Tiền Hải');
    await choose(page, /^Danh hiệu, hình thức/, 'Giấy khen');
    expect(await page.getByRole('combobox', { name: /^Hạng/ }).count()).toBe(0);
    await page.getByRole('textbox', { name: /^Họ và tên/ }).fill('Nguyễn Văn Hùng');
    await page.getByRole('textbox', { name: /^Chức vụ/ }).fill('Trưởng ban Dân vận Huyện ủy');
    await pick(page, /^Đơn vị khen thưởng/, 'Ban Dân vận Tỉnh ủy Thái Bình', 'Ban Dân vận Tỉnh ủy Thái Bình');
    created = operationDone('CreateAward');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const individual = (await answerOf<{ createAward: { id: string } }>(created)).createAward.id;
    await page.waitForURL(/#\/awards\/[^/]+\/show$/);
    await page.getByRole('link', { name: MODEL_NAME }).waitFor();
    expect(await awardOf(individual)).toMatchObject({
      title: { code: 'GIAY_KHEN', kind: 'FORM' },
      recipientKind: 'INDIVIDUAL',
      recipientUnit: { id: tienHai.id },
      personName: 'Nguyễn Văn Hùng',
      personPosition: 'Trưởng ban Dân vận Huyện ủy',
      rank: null,
      model: { id: modelId },
    });
  });

  it('offers the revocation only where the server allows it, and invites to register a model only who may', async () => {
    await signOut(page);
    await signIn(page, server.baseUrl, districtSecretariat);
    await page.goto(`${server.baseUrl}/#/awards/${awardId}/show`);
    await page.getByText('Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh – hạng Nhất').waitFor();
    // It manages the emulation, but the issuer (the province's commission) is outside its reach.
    expect(await page.getByRole('button', { name: 'Thu hồi khen thưởng' }).count()).toBe(0);

    await signOut(page);
    await signIn(page, server.baseUrl, viewer);
    await page.goto(`${server.baseUrl}/#/models`);
    await page.getByText('Chưa có mô hình "Dân vận khéo" nào.').waitFor();
    expect(await page.getByText('Bạn có muốn đăng ký mô hình "Dân vận khéo" không?').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Đăng ký mô hình' }).count()).toBe(0);

    await signOut(page);
    await signIn(page, server.baseUrl, secretariat);
  });

  it('revokes an award with its reason; it stays listed, marked revoked', async () => {
    await page.goto(`${server.baseUrl}/#/awards/${awardId}/show`);
    await page.getByRole('button', { name: 'Thu hồi khen thưởng' }).click();
    const dialog = page.getByRole('dialog', { name: /^Thu hồi khen thưởng "Cờ thi đua/ });
    const revoked = operationDone('RevokeAward');
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    // The reason is required: nothing is sent without it.
    await dialog.getByText('Bắt buộc nhập').waitFor();
    const reason = dialog.getByRole('textbox', { name: /^Lý do thu hồi/ });
    await reason.fill('Quyết định ban hành nhầm đơn vị, thu hồi để ban hành lại.');
    // Escape or a click beside the dialog does not throw away what was typed.
    await page.keyboard.press('Escape');
    await page.mouse.click(8, 8);
    await page.waitForTimeout(400);
    expect(await dialog.isVisible()).toBe(true);
    expect(await reason.inputValue()).toBe('Quyết định ban hành nhầm đơn vị, thu hồi để ban hành lại.');
    // While the revocation is on its way, it cannot be sent a second time.
    const holdBack = async (route: Route) => {
      if ((route.request().postData() ?? '').includes('"operationName":"RevokeAward"')) await new Promise((done) => setTimeout(done, 700));
      await route.continue();
    };
    await page.route('**/graphql', holdBack);
    const confirm = dialog.getByRole('button', { name: 'Thu hồi', exact: true });
    await confirm.click();
    const deadline = Date.now() + 5_000;
    while (!(await confirm.isDisabled())) {
      if (Date.now() > deadline) throw new Error('the confirming button stayed enabled while sending');
      await page.waitForTimeout(20);
    }
    await answerOf(revoked);
    await page.unroute('**/graphql', holdBack);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã thu hồi', { exact: true }).waitFor();
    await page.getByText(/^Quyết định ban hành nhầm đơn vị, thu hồi để ban hành lại\./).waitFor();
    expect(await page.getByRole('button', { name: 'Thu hồi khen thưởng' }).count()).toBe(0);
    expect(await awardOf(awardId)).toMatchObject({
      revoked: true,
      revocationReason: 'Quyết định ban hành nhầm đơn vị, thu hồi để ban hành lại.',
    });

    await page.goto(`${server.baseUrl}/#/awards`);
    await page.getByRole('row').filter({ hasText: 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh' }).getByText('Đã thu hồi').waitFor();
  });

  it('exports the awards to Excel with the list’s filters and sort, with the session’s token', async () => {
    const filter = encodeURIComponent(JSON.stringify({ year: 2024, revoked: true }));
    const listed = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && /"operationName":"Awards".*"revoked":true/.test(r.request().postData() ?? ''),
    );
    await page.goto(`${server.baseUrl}/#/awards?filter=${filter}&sort=decidedOn&order=DESC`);
    await listed;
    // Only the revoked award of 2024 is listed (the list before this one showed two).
    const deadline = Date.now() + 30_000;
    while ((await page.locator('tbody tr').count()) !== 1) {
      if (Date.now() > deadline) throw new Error('the filtered list never showed one award');
      await page.waitForTimeout(50);
    }
    await page.getByRole('cell', { name: /hạng Nhất/ }).waitFor();
    const requested = page.waitForRequest((r) => r.url().includes('/api/v1/awards/export.xlsx'));
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/awards/export.xlsx'));
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const request = await requested;
    expect(request.headers().authorization).toMatch(/^Bearer /);
    const query = new URL(request.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({ year: '2024', revoked: 'true', sort: '-decidedOn' });
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(XLSX);
    expect(response.headers()['content-disposition']).toMatch(/\.xlsx/);
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile(await download.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
