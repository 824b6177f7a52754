import type { DocumentDto, Page, ProblemDetails } from '@danvan/contracts';
import type { UnitView } from '@danvan/units';
import { TestServer, type TestClient } from '@danvan/testing';

/** The document register (sổ văn bản) over REST and GraphQL, with two provinces' secretariats. */
let server: TestServer;
let binhPhuoc: UnitView;
let haTinh: UnitView;
let binhPhuocSecretariat: TestClient;
let haTinhSecretariat: TestClient;

beforeAll(async () => {
  server = await TestServer.start();
  binhPhuoc = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Bình Phước', adminAreaCode: '70' });
  haTinh = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', adminAreaCode: '42' });
  binhPhuocSecretariat = await server.signedIn('SECRETARIAT', binhPhuoc);
  haTinhSecretariat = await server.signedIn('SECRETARIAT', haTinh);
});
afterAll(async () => {
  await server?.close();
});

const plan151 = {
  number: '151-KH/BDVTU',
  issuedOn: '2023-12-21',
  title: 'Kế hoạch tổ chức Hội nghị tổng kết công tác dân vận năm 2023, ký kết giao ước thi đua năm 2024',
};

describe('documents over REST', () => {
  it('registers a document with its parsed number, reads it with an ETag, and records who did it', async () => {
    const created = await binhPhuocSecretariat.rest<DocumentDto>('POST', '/api/v1/documents', { ...plan151, number: ' 151 - KH / BDVTU ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: '151-KH/BDVTU',
      form: 'PARTY',
      type: 'KH',
      typeName: 'Kế hoạch',
      issuers: ['BDVTU'],
      issuedOn: '2023-12-21',
      ownerUnitId: binhPhuoc.id,
      version: 1,
    });
    const read = await haTinhSecretariat.rest<DocumentDto>('GET', `/api/v1/documents/${created.body.id}`);
    expect(read.status).toBe(200); // documents are cited across provinces: everyone may read them
    expect(read.headers.get('etag')).toBe('"1"');
    const audit = await server.rest<{ items: Array<{ action: string; entityId: string }> }>(
      'GET',
      `/api/v1/audit-events?entity=document&entityId=${created.body.id}`,
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a malformed number, a bad date, unknown fields and a duplicate in the same year, changing nothing', async () => {
    const before = (await server.rest<Page<DocumentDto>>('GET', '/api/v1/documents?pageSize=1')).body.totalItems;
    const malformed = await binhPhuocSecretariat.rest<ProblemDetails>('POST', '/api/v1/documents', { ...plan151, number: '151-XY/BDVTU' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({ field: 'number', message: expect.stringContaining('"XY" không phải loại văn bản của Đảng') }),
    ]);
    const badDate = await binhPhuocSecretariat.rest<ProblemDetails>('POST', '/api/v1/documents', {
      ...plan151,
      number: '152-KH/BDVTU',
      issuedOn: '2023-02-30',
    });
    expect(badDate.body.errors?.map((e) => e.field)).toEqual(['issuedOn']);
    const unknown = await binhPhuocSecretariat.rest<ProblemDetails>('POST', '/api/v1/documents', {
      ...plan151,
      number: '153-KH/BDVTU',
      version: 3,
    });
    expect(unknown.status).toBe(400);
    // A state number carries its year: the date of issue must be in it.
    const wrongYear = await binhPhuocSecretariat.rest<ProblemDetails>('POST', '/api/v1/documents', {
      number: '98/2023/NĐ-CP',
      issuedOn: '2019-01-01',
      title: 'Nghị định quy định chi tiết Luật Thi đua, khen thưởng',
    });
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.body.errors).toEqual([expect.objectContaining({ field: 'issuedOn', code: 'yearMismatch' })]);
    const duplicate = await binhPhuocSecretariat.rest<ProblemDetails>('POST', '/api/v1/documents', {
      ...plan151,
      issuedOn: '2023-03-01',
      title: 'Bản trùng',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors?.[0].field).toBe('number');
    expect((await server.rest<Page<DocumentDto>>('GET', '/api/v1/documents?pageSize=1')).body.totalItems).toBe(before);
    // A Party number restarts with each term: the same number in another year is another document.
    expect(
      (await binhPhuocSecretariat.rest('POST', '/api/v1/documents', { ...plan151, issuedOn: '2018-05-02', title: 'Kế hoạch cũ' })).status,
    ).toBe(201);
  });

  it('lists with filters by type, issuer (joint documents too), dates, and search without diacritics', async () => {
    for (const doc of [
      { number: '02-CTr/BDVTU-BCHQST-CAT-BCHBPT', issuedOn: '2024-01-12', title: 'Chương trình phối hợp công tác dân vận năm 2024' },
      {
        number: '25-NQ/TW',
        issuedOn: '2013-06-03',
        title: 'Nghị quyết về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận',
      },
      { number: '708/QĐ-BNV', issuedOn: '2023-09-18', title: 'Quyết định của Bộ Nội vụ' },
      { number: '98/2023/NĐ-CP', issuedOn: '2023-12-31', title: 'Nghị định quy định chi tiết thi hành Luật Thi đua, khen thưởng' },
    ]) {
      expect((await server.rest('POST', '/api/v1/documents', doc)).status).toBe(201);
    }
    const joint = await server.rest<Page<DocumentDto>>('GET', '/api/v1/documents?issuer=CAT');
    expect(joint.body.items.map((d) => d.number)).toEqual(['02-CTr/BDVTU-BCHQST-CAT-BCHBPT']);
    const byLead = await server.rest<Page<DocumentDto>>('GET', '/api/v1/documents?issuer=BDVTU&type=CTr,NQ');
    expect(byLead.body.items.map((d) => d.number)).toEqual(['02-CTr/BDVTU-BCHQST-CAT-BCHBPT']);
    const search = await server.rest<Page<DocumentDto>>('GET', `/api/v1/documents?q=${encodeURIComponent('thi dua khen thuong')}`);
    expect(search.body.items.map((d) => d.number)).toEqual(['98/2023/NĐ-CP']);
    const year2023 = await server.rest<Page<DocumentDto>>(
      'GET',
      '/api/v1/documents?issuedFrom=2023-01-01&issuedTo=2023-12-31&form=STATE&sort=issuedOn',
    );
    expect(year2023.body.items.map((d) => d.number)).toEqual(['708/QĐ-BNV', '98/2023/NĐ-CP']);
    const paged = await server.rest<Page<DocumentDto>>('GET', '/api/v1/documents?pageSize=2&page=2&sort=-issuedOn');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
    expect((await server.rest('GET', '/api/v1/documents?pageSize=1000')).status).toBe(400);
    expect((await server.rest('GET', '/api/v1/documents?sort=secret')).status).toBe(400);
  });

  it('edits with If-Match (412 when stale); another province may read but not change it (403); a viewer cannot write', async () => {
    const created = await binhPhuocSecretariat.rest<DocumentDto>('POST', '/api/v1/documents', {
      number: '93-KH/TU',
      issuedOn: '2022-06-25',
      title: 'Kế hoạch thực hiện Chương trình 17-CTr/TU',
    });
    const path = `/api/v1/documents/${created.body.id}`;
    expect((await binhPhuocSecretariat.rest('PATCH', path, { title: 'x' })).status).toBe(428);
    const edited = await binhPhuocSecretariat.rest<DocumentDto>(
      'PATCH',
      path,
      { title: 'Kế hoạch 93-KH/TU ngày 25/6/2022' },
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    const stale = await binhPhuocSecretariat.rest<ProblemDetails>('PATCH', path, { title: 'Cũ' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const foreign = await haTinhSecretariat.rest<ProblemDetails>('PATCH', path, { title: 'Chiếm' }, { 'if-match': '"2"' });
    expect(foreign.status).toBe(403);
    expect((await haTinhSecretariat.rest('DELETE', path)).status).toBe(403);
    const viewer = await server.signedIn('VIEWER', binhPhuoc);
    expect((await viewer.rest('GET', path)).status).toBe(200);
    // allowedActions (DOCUMENT_POLICY): the owner's secretariat may change and delete it, the other province and a viewer only read.
    expect(edited.body.allowedActions).toEqual(['update', 'delete']);
    expect((await binhPhuocSecretariat.rest<DocumentDto>('GET', path)).body.allowedActions).toEqual(['update', 'delete']);
    expect((await haTinhSecretariat.rest<DocumentDto>('GET', path)).body.allowedActions).toEqual([]);
    expect((await viewer.rest<DocumentDto>('GET', path)).body.allowedActions).toEqual([]);
    const listed = await haTinhSecretariat.rest<Page<DocumentDto>>('GET', '/api/v1/documents?pageSize=100');
    expect(listed.body.items.find((d) => d.id === created.body.id)?.allowedActions).toEqual([]);
    expect(
      (await viewer.rest('POST', '/api/v1/documents', { number: '1-TB/BDVTU', issuedOn: '2024-01-02', title: 'Thông báo' })).status,
    ).toBe(403);
    expect((await server.rest<DocumentDto>('GET', path)).body).toMatchObject({ title: 'Kế hoạch 93-KH/TU ngày 25/6/2022', version: 2 });
    expect((await binhPhuocSecretariat.rest('DELETE', path, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect((await server.rest('GET', path)).status).toBe(404);
  });
});

describe('units referred to by documents', () => {
  it('a unit that owns a document cannot be deleted: 409 that suggests ending it instead', async () => {
    const owner = await server.factory.unit({ name: 'Ban Dân vận thử xóa', adminAreaCode: '99' });
    expect(
      (
        await server.rest('POST', '/api/v1/documents', {
          number: '9-TB/BDVTU',
          issuedOn: '2024-02-01',
          title: 'Thông báo',
          ownerUnitId: owner.id,
        })
      ).status,
    ).toBe(201);
    const refused = await server.rest<ProblemDetails>('DELETE', `/api/v1/units/${owner.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/hãy kết thúc đơn vị/);
    expect((await server.rest('GET', `/api/v1/units/${owner.id}`)).status).toBe(200);
  });
});

describe('documents over GraphQL', () => {
  it('creates, lists, updates with expectedVersion (CONFLICT when stale) and reports bad numbers on the field', async () => {
    const created = await binhPhuocSecretariat.graphql<{
      createDocument: { id: string; form: string; issuers: string[]; typeName: string };
    }>(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id form issuers typeName } }`, {
      input: { number: '06/2022/QH15', issuedOn: '2022-06-15', title: 'Luật Thi đua, khen thưởng' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createDocument).toMatchObject({ form: 'LAW', issuers: ['QH15'], typeName: 'Luật' });
    const id = created.data?.createDocument.id;
    const bad = await binhPhuocSecretariat.graphql(
      `mutation { createDocument(input: { number: "QĐ-708", issuedOn: "2023-09-18", title: "Sai" }) { id } }`,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'number' })] });
    const list = await server.graphql<{ documents: { totalItems: number; items: Array<{ number: string }> } }>(
      `{ documents(options: { filter: { search: "luat thi dua", form: [LAW] } }) { totalItems items { number } } }`,
    );
    expect(list.data?.documents).toEqual({ totalItems: 1, items: [{ number: '06/2022/QH15' }] });
    const updated = await binhPhuocSecretariat.graphql<{ updateDocument: { version: number } }>(
      `mutation($id: ID!) { updateDocument(id: $id, expectedVersion: 1, input: { title: "Luật Thi đua, khen thưởng số 06/2022/QH15" }) { version } }`,
      { id },
    );
    expect(updated.data?.updateDocument.version).toBe(2);
    const stale = await binhPhuocSecretariat.graphql(
      `mutation($id: ID!) { updateDocument(id: $id, expectedVersion: 1, input: { title: "Cũ" }) { version } }`,
      { id },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const actions = `query($id: ID!) { document(id: $id) { allowedActions } }`;
    type Answer = { document: { allowedActions: string[] } };
    expect((await binhPhuocSecretariat.graphql<Answer>(actions, { id })).data?.document.allowedActions).toEqual(['update', 'delete']);
    expect((await haTinhSecretariat.graphql<Answer>(actions, { id })).data?.document.allowedActions).toEqual([]);
    const viewer = await server.signedIn('VIEWER', binhPhuoc);
    expect((await viewer.graphql<Answer>(actions, { id })).data?.document.allowedActions).toEqual([]);
  });
});
