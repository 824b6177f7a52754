import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestAccount } from '@danvan/testing';
import { launchChromium } from './browser.js';
import { CRITERIA } from './fixtures.js';
import { signIn } from './session.js';

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;
let browser: BrowserContext;
let page: Page;
let secretariat: TestAccount;
let pledgeId: string;
/** A draft pledge without criteria, for the editor and the signing. */
let draftId: string;
let phuRieng: UnitView;
let buDang: UnitView;
let dongXoai: UnitView;

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

/** A GraphQL call of the test administrator that must succeed. */
async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = (await server.graphql<T>(query, variables)) as GraphQLAnswer<T>;
  if (answer.errors?.length || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** The unit's self-scores over REST (with a PDF of evidence for `evidenceFor`), then its submission with the sheet's ETag (as an organisation's system does). */
async function selfScoreAndSubmit(unit: UnitView, scores: Record<string, number>, evidenceFor?: string): Promise<void> {
  const saved = await server.rest('PUT', `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}`, {
    scores: Object.entries(scores).map(([itemCode, score]) => ({ itemCode, score })),
  });
  expect(saved.status).toBe(200);
  const etag = saved.headers.get('etag');
  expect(etag).toBeTruthy();
  if (evidenceFor) {
    const uploaded = await server.rest(
      'POST',
      `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}/evidence?itemCode=${evidenceFor}&filename=bien-ban.pdf`,
      '%PDF-1.4 biên bản',
      {
        'content-type': 'application/pdf',
      },
    );
    expect(uploaded.status).toBe(201);
  }
  const submitted = await server.rest('POST', `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}/submit`, undefined, {
    'if-match': etag ?? '',
  });
  expect(submitted.status).toBe(200);
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
        headUnitId: phuRieng.id,
        deputyUnitId: buDang.id,
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
  const { signPledge } = await gql<{ signPledge: { version: number } }>(
    `mutation ($id: ID!, $v: Int!, $input: SignPledgeInput!) { signPledge(id: $id, expectedVersion: $v, input: $input) { version } }`,
    {
      id: pledgeId,
      v: createPledge.version,
      input: { signedOn: '2024-01-12', signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2023', signingPlace: 'Phú Riềng' },
    },
  );
  const advance = async (version: number, to: string) =>
    (
      await gql<{ advancePledge: { version: number } }>(
        `mutation ($id: ID!, $v: Int!, $to: PledgeStatus!) { advancePledge(id: $id, expectedVersion: $v, to: $to) { version } }`,
        { id: pledgeId, v: version, to },
      )
    ).advancePledge.version;
  const registrationOpen = await advance(signPledge.version, 'REGISTRATION_OPEN');
  for (const unit of [phuRieng, buDang, dongXoai]) {
    const registered = await server.rest('PUT', `/api/v1/pledges/${pledgeId}/registrations/${unit.id}`, {
      targets: [{ title: 'Xây dựng mô hình "Dân vận khéo"', measure: '5 mô hình' }],
      breakthroughTasks: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
    });
    expect(registered.status).toBe(200);
  }
  await advance(registrationOpen, 'SCORING_OPEN');

  // Phú Riềng 48, Bù Đăng 41, Đồng Xoài 38: Đồng Xoài is last until a reviewer raises its score.
  await selfScoreAndSubmit(phuRieng, { '1.a': 9, '1.b': 9, '2': 28, C1: 2 }, '2');
  await selfScoreAndSubmit(buDang, { '1.a': 8, '1.b': 8, '2': 25 });
  await selfScoreAndSubmit(dongXoai, { '1.a': 7, '1.b': 7, '2': 24 });

  const { createBloc: nextYear } = await gql<{ createBloc: { id: string } }>(
    `mutation ($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    {
      input: { year: 2025, name: 'Khối Ban Dân vận các huyện năm 2025', ownerUnitId: commission.id, memberIds: [phuRieng.id, buDang.id] },
    },
  );
  const { createPledge: draft } = await gql<{ createPledge: { id: string } }>(
    `mutation ($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
    {
      input: { blocId: nextYear.id, title: 'Giao ước thi đua năm 2025' },
    },
  );
  draftId = draft.id;

  secretariat = await server.factory.account({ role: 'SECRETARIAT', unitId: province.id });
  browser = await launchChromium();
  page = await browser.newPage();
  await signIn(page, server.baseUrl, secretariat);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for the GraphQL operation `name` to come back from the server. */
function operationDone(name: string) {
  return page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(name));
}

/** The ranking table's rows as [rank, unit, total] (header excluded), once they have loaded. */
async function rankingRows(): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Bảng xếp hạng' });
  await table.getByRole('row').nth(3).waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator('td').allInnerTexts();
      return [cells[0], cells[1], cells[6]];
    }),
  );
}

/** Polls until the ranking shows `expected` (it is recomputed after each change). */
async function waitForRanking(expected: string[][]): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last: string[][] = [];
  while (Date.now() < deadline) {
    last = await rankingRows();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`ranking never became ${JSON.stringify(expected)}; last seen ${JSON.stringify(last)}`);
}

function cellButton(code: string, unit: UnitView): Locator {
  return page.getByRole('button', { name: `Chấm thẩm định mục ${code} của ${unit.name}`, exact: true });
}

describe('emulation in the admin (Chromium)', () => {
  it('registers a document: the server’s refusal of a number is shown beside it, a good number is read as typed', async () => {
    await page.goto(`${server.baseUrl}/#/documents/create`);
    const number = page.getByRole('textbox', { name: /^Số, ký hiệu/ });
    await number.fill('151-KH/BDVTU');
    // The preview of what the number says, before anything is sent.
    await page.getByText('Văn bản của Đảng · Kế hoạch (KH) · cơ quan ban hành: BDVTU').waitFor();
    await number.fill('151-XY/BDVTU');
    await page.getByRole('textbox', { name: /^Ngày ban hành/ }).fill('21/12/2023');
    await page.getByRole('textbox', { name: /^Trích yếu/ }).fill('Kế hoạch tổ chức Hội nghị tổng kết công tác dân vận năm 2023');
    const refused = operationDone('CreateDocument');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const refusal = (await (await refused).json()) as { errors?: Array<{ extensions?: { fields?: Array<{ field: string }> } }> };
    expect(refusal.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('number');
    const describedBy = await number.getAttribute('aria-describedby');
    await page.locator(`[id="${describedBy}"]`, { hasText: '"XY" không phải loại văn bản của Đảng' }).waitFor();

    await number.fill('151-KH/BDVTU');
    const created = operationDone('CreateDocument');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const answer = (await (await created).json()) as { data?: { createDocument?: { type: string; issuers: string[]; issuedOn: string } } };
    expect(answer.data?.createDocument).toMatchObject({ type: 'KH', issuers: ['BDVTU'], issuedOn: '2023-12-21' });
    await page.waitForURL(/\/documents\/[^/]+\/show$/);
    await page.getByText('21/12/2023').waitFor();

    // Found again without diacritics.
    await page.goto(`${server.baseUrl}/#/documents`);
    await page.getByPlaceholder('Tìm kiếm').fill('hoi nghi tong ket');
    await page.getByRole('cell', { name: '151-KH/BDVTU', exact: true }).waitFor();
  });

  it('writes a criteria set in the editor (the server’s refusal beside the input), saves new versions, signs, and shows a refused step', async () => {
    await page.goto(`${server.baseUrl}/#/pledges/${draftId}/criteria`);
    await page.getByText('Chưa có bảng tiêu chí chấm điểm.').waitFor();
    await page.getByRole('button', { name: 'Thêm nhóm tiêu chí' }).click();
    await page.getByRole('textbox', { name: /^Mã nhóm/ }).fill('I');
    await page.getByRole('textbox', { name: /^Tên nhóm tiêu chí/ }).fill('Công tác tham mưu');
    await page.getByRole('button', { name: 'Thêm tiêu chí', exact: true }).click();
    const codes = page.getByRole('textbox', { name: /^Mã\s*\*?$/ });
    const titles = page.getByRole('textbox', { name: /^Nội dung\s*\*?$/ });
    const maxima = page.getByRole('spinbutton', { name: /^Điểm tối đa\s*\*?$/ });
    await codes.nth(0).fill('1');
    await titles.nth(0).fill('Tham mưu cấp ủy về công tác dân vận');
    await page.getByRole('button', { name: 'Thêm tiêu chí thành phần' }).click();
    await page.getByRole('button', { name: 'Thêm tiêu chí thành phần' }).click();
    await codes.nth(1).fill('1.a');
    await titles.nth(1).fill('Ban hành kế hoạch');
    await maxima.nth(1).fill('10');
    await codes.nth(2).fill('1.b');
    await titles.nth(2).fill('Sơ kết, tổng kết');
    await maxima.nth(2).fill('15');
    // The criterion's maximum follows its sub-criteria.
    await page.getByText('Tổng điểm tối đa (kể cả điểm cộng tối đa): 25').waitFor();
    expect(await maxima.nth(0).inputValue()).toBe('25');
    await page.getByRole('button', { name: 'Thêm mức xếp loại' }).click();
    await page.getByRole('textbox', { name: /^Tên mức/ }).fill('Xuất sắc');
    const threshold = page.getByRole('spinbutton', { name: /^Từ \(điểm\)/ });
    await threshold.fill('30');
    const refused = operationDone('SetPledgeCriteria');
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await refused;
    const describedBy = await threshold.getAttribute('aria-describedby');
    await page.locator(`[id="${describedBy}"]`, { hasText: 'phải từ 0 đến 25 (tổng điểm tối đa)' }).waitFor();

    await threshold.fill('20');
    const saved = operationDone('SetPledgeCriteria');
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    expect(((await (await saved).json()) as { errors?: unknown[] }).errors).toBeUndefined();
    await page.getByText('Đã lưu bảng tiêu chí thành phiên bản 1.').waitFor();
    await page.getByRole('cell', { name: '1 (hiện hành)' }).waitFor();

    // A change is a new version; the first stays listed.
    await maxima.nth(2).fill('10');
    await page.getByText('Tổng điểm tối đa (kể cả điểm cộng tối đa): 20').waitFor();
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByRole('cell', { name: '2 (hiện hành)' }).waitFor();
    expect(await page.getByRole('table', { name: 'Các phiên bản bảng tiêu chí' }).locator('tbody tr').count()).toBe(2);
    const { pledge } = await gql<{
      pledge: {
        criteriaSet: { number: number; groups: Array<{ criteria: Array<{ maxScore: number; subCriteria: Array<{ code: string }> }> }> };
      };
    }>(`query ($id: ID!) { pledge(id: $id) { criteriaSet { number groups { criteria { maxScore subCriteria { code } } } } } }`, {
      id: draftId,
    });
    expect(pledge.criteriaSet.number).toBe(2);
    expect(pledge.criteriaSet.groups[0].criteria[0]).toEqual({ maxScore: 20, subCriteria: [{ code: '1.a' }, { code: '1.b' }] });

    // Signing (dd/MM/yyyy), then the next step; the step after that is refused with the server's reason.
    await page.getByRole('link', { name: 'Về giao ước' }).click();
    await page.getByRole('button', { name: 'Ký kết giao ước' }).click();
    await page.getByRole('textbox', { name: /^Ngày ký/ }).fill('10/01/2025');
    await page.getByRole('textbox', { name: /^Sự kiện ký kết/ }).fill('Hội nghị tổng kết công tác dân vận năm 2024');
    await page.getByRole('button', { name: 'Ký kết', exact: true }).click();
    await page.getByText('10/01/2025').waitFor();
    await page.getByRole('button', { name: 'Chuyển sang: Đang đăng ký chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Chuyển bước' }).click();
    await page.getByRole('button', { name: 'Chuyển sang: Đang tự chấm điểm' }).click();
    await page.getByRole('button', { name: 'Chuyển bước' }).click();
    await page.getByRole('alert').filter({ hasText: 'Chưa thể mở chấm điểm: 2/2 đơn vị chưa đăng ký chỉ tiêu.' }).waitFor();
    await page.getByText('Đã đăng ký: 0/2 đơn vị.').waitFor();
  });

  it('shows the pledge with its step, then a reviewer raises a score in the grid and the unit moves up the ranking, after a reload too', async () => {
    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/show`);
    await page.getByRole('heading', { name: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận', exact: true }).waitFor();
    // The stepper, the signing date as dd/MM/yyyy, everyone registered.
    await page.getByText('Đang tự chấm điểm').first().waitFor();
    await page.getByText('12/01/2024').waitFor();
    await page.getByText('Đã đăng ký: 3/3 đơn vị.').waitFor();

    await page.getByRole('link', { name: 'Chấm điểm, thẩm định' }).click();
    await page.waitForURL(/\/pledges\/[^/]+\/scoring$/);
    await page.getByRole('table', { name: 'Bảng chấm điểm các đơn vị' }).waitFor();
    await waitForRanking([
      ['1', 'Ban Dân vận Huyện ủy Phú Riềng', '48'],
      ['2', 'Ban Dân vận Huyện ủy Bù Đăng', '41'],
      ['3', 'Ban Dân vận Thành ủy Đồng Xoài', '38'],
    ]);
    // Before finalisation the server says what the ranking is: provisional, submitted sheets only.
    await page
      .getByTestId('ranking-note')
      .getByText(/^Tạm tính: chỉ xếp hạng các bảng điểm đã nộp/)
      .waitFor();

    // Phú Riềng attached a file to item 2: its cell says so.
    expect(await cellButton('2', phuRieng).locator('[data-role="evidence"]').innerText()).toBe('1');
    expect(await cellButton('2', dongXoai).locator('[data-role="evidence"]').count()).toBe(0);

    // Đồng Xoài's item 2: self-scored 24, the reviewer gives 36.
    const cell = cellButton('2', dongXoai);
    expect(await cell.innerText()).toContain('TC 24');
    await cell.click();
    await page.getByRole('textbox', { name: 'Điểm thẩm định (tối đa 40)' }).fill('36');
    await page.getByRole('textbox', { name: 'Nhận xét thẩm định' }).fill('Có thêm 2 mô hình được huyện công nhận');
    const reviewed = operationDone('ReviewScore');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const answer = (await (await reviewed).json()) as { errors?: unknown[]; data?: { reviewScore?: { totals: { total: number } } } };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.reviewScore?.totals.total).toBe(50);
    expect(await cellButton('2', dongXoai).innerText()).toContain('36');

    await waitForRanking([
      ['1', 'Ban Dân vận Thành ủy Đồng Xoài', '50'],
      ['2', 'Ban Dân vận Huyện ủy Phú Riềng', '48'],
      ['3', 'Ban Dân vận Huyện ủy Bù Đăng', '41'],
    ]);

    await page.reload();
    await page.getByRole('table', { name: 'Bảng chấm điểm các đơn vị' }).waitFor();
    await waitForRanking([
      ['1', 'Ban Dân vận Thành ủy Đồng Xoài', '50'],
      ['2', 'Ban Dân vận Huyện ủy Phú Riềng', '48'],
      ['3', 'Ban Dân vận Huyện ủy Bù Đăng', '41'],
    ]);
    expect(await cellButton('2', dongXoai).innerText()).toContain('36');
    const ranking = await server.rest<{ rows: Array<{ rank: number; unit: { id: string }; total: number; classification: string }> }>(
      'GET',
      `/api/v1/pledges/${pledgeId}/ranking`,
    );
    expect(ranking.body.rows[0]).toMatchObject({ rank: 1, unit: { id: dongXoai.id }, total: 50, classification: 'Tốt' });
  });

  it('says a score was just given by someone else and reloads the grid', async () => {
    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/scoring`);
    await page.reload();
    const cell = cellButton('1.a', buDang);
    await cell.waitFor();
    // Another reviewer scores the same line after this page read it (line version 1 → 2).
    const other = await gql<{ reviewScore: { totals: { total: number } } }>(
      `mutation ($p: ID!, $u: ID!, $input: ScoreInput!) { reviewScore(pledgeId: $p, unitId: $u, expectedLineVersion: 1, input: $input) { totals { total } } }`,
      { p: pledgeId, u: buDang.id, input: { itemCode: '1.a', score: 6 } },
    );
    expect(other.reviewScore.totals.total).toBe(39);

    await cell.click();
    await page.getByRole('textbox', { name: 'Điểm thẩm định (tối đa 10)' }).fill('10');
    const refused = operationDone('ReviewScore');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await refused;
    await page.getByText('Điểm vừa được người khác chấm, đã tải lại.', { exact: false }).waitFor();
    // The grid now shows the other reviewer's score, and nothing of ours was saved.
    const deadline = Date.now() + 30_000;
    while (!(await cellButton('1.a', buDang).innerText()).startsWith('6')) {
      if (Date.now() > deadline) throw new Error('the grid was not reloaded');
      await page.waitForTimeout(100);
    }
    const sheet = await server.rest<{ lines: Array<{ itemCode: string; reviewedScore: number | null }> }>(
      'GET',
      `/api/v1/pledges/${pledgeId}/score-sheets/${buDang.id}`,
    );
    expect(sheet.body.lines.find((line) => line.itemCode === '1.a')?.reviewedScore).toBe(6);
  });

  it('downloads the ranking as Excel with the session’s token', async () => {
    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/ranking`);
    await page.getByRole('table', { name: 'Bảng xếp hạng' }).waitFor();
    await page.getByText(/Quy tắc xếp hạng: Xếp theo tổng điểm giảm dần/).waitFor();
    const requested = page.waitForRequest((r) => r.url().endsWith(`/api/v1/pledges/${pledgeId}/ranking.xlsx`));
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    expect((await requested).headers().authorization).toMatch(/^Bearer /);
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^xep-hang-2024-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('once the pledge is finalised, proposes the first three for awards (nhất, nhì, ba) and lists them', async () => {
    // The reviews end and the pledge is closed, as the standing body would do over the year's last weeks:
    // each of the three steps accepted by a different person, none of them the test administrator who entered the sheets.
    const reviewers = [await server.signedIn('ADMIN', null), await server.signedIn('ADMIN', null), await server.signedIn('ADMIN', null)];
    for (const unit of [phuRieng, buDang, dongXoai]) {
      for (const reviewer of reviewers) {
        const sheet = await server.rest<{ version: number }>('GET', `/api/v1/pledges/${pledgeId}/score-sheets/${unit.id}`);
        const accepted = await reviewer.graphql(
          `mutation ($p: ID!, $u: ID!, $v: Int!) { decideScoreSheet(pledgeId: $p, unitId: $u, expectedVersion: $v, decision: ACCEPT) { status } }`,
          {
            p: pledgeId,
            u: unit.id,
            v: sheet.body.version,
          },
        );
        expect(accepted.errors).toBeUndefined();
      }
    }
    for (const to of ['UNDER_REVIEW', 'FINALISED']) {
      const current = await server.rest<{ version: number }>('GET', `/api/v1/pledges/${pledgeId}`);
      await gql(`mutation ($id: ID!, $v: Int!, $to: PledgeStatus!) { advancePledge(id: $id, expectedVersion: $v, to: $to) { status } }`, {
        id: pledgeId,
        v: current.body.version,
        to,
      });
    }

    await page.goto(`${server.baseUrl}/#/pledges/${pledgeId}/ranking`);
    await page.reload(); // the previous test left this very page open
    await page.getByText('Kết quả chính thức').waitFor();
    await page.getByRole('button', { name: 'Đề nghị khen thưởng' }).click();
    const proposals = page.getByRole('list', { name: 'Các đơn vị dẫn đầu bảng xếp hạng được đề nghị:' });
    await proposals.getByText('Nhất: Ban Dân vận Thành ủy Đồng Xoài').waitFor();
    await proposals.getByText('Nhì: Ban Dân vận Huyện ủy Phú Riềng').waitFor();
    await proposals.getByText('Ba: Ban Dân vận Huyện ủy Bù Đăng').waitFor();
    const created = operationDone('CreateAwards');
    await page.getByRole('button', { name: 'Ghi nhận khen thưởng' }).click();
    const answer = (await (await created).json()) as {
      errors?: unknown[];
      data?: { createAwards?: Array<{ rank: string; recipientUnit: { id: string } }> };
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.createAwards?.map((award) => [award.recipientUnit.id, award.rank])).toEqual([
      [dongXoai.id, 'FIRST'],
      [phuRieng.id, 'SECOND'],
      [buDang.id, 'THIRD'],
    ]);
    await page.waitForURL(/#\/awards/);
    await page.getByRole('cell', { name: /hạng Nhất/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
  });

  it('lists the "Dân vận khéo" models found without diacritics and exports them to Excel', async () => {
    await gql(`mutation ($input: CreateModelInput!) { createModel(input: $input) { id } }`, {
      input: {
        name: 'Vận động nhân dân hiến đất làm đường giao thông nông thôn',
        ownerUnitId: phuRieng.id,
        holderKind: 'COLLECTIVE',
        field: 'ECONOMY',
        firstYear: 2023,
      },
    });
    await page.goto(`${server.baseUrl}/#/models`);
    await page.getByPlaceholder('Tìm kiếm').fill('hien dat');
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"q":"hien dat"'));
    await page.getByRole('cell', { name: 'Vận động nhân dân hiến đất làm đường giao thông nông thôn' }).waitFor();
    const requested = page.waitForRequest((r) => r.url().includes('/api/v1/models/export.xlsx'));
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    expect(new URL((await requested).url()).searchParams.get('q')).toBe('hien dat');
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^mo-hinh-dan-van-kheo-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readFile(await download.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
