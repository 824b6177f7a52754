import type { Page, ProblemDetails, UnitDto } from '@danvan/contracts';
import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

const base = { kind: 'MASS_MOBILISATION_COMMISSION', level: 'PROVINCE' } as const;

describe('REST /api/v1/units', () => {
  it('creates, reads with an ETag, lists and deletes a unit', async () => {
    const created = await server.rest<UnitDto>('POST', '/api/v1/units', {
      ...base,
      code: 'bdv-tu-bp',
      name: '  Ban Dân vận Tỉnh ủy Bình Phước ',
      shortName: 'BDVTU',
      adminAreaCode: '70',
      leaders: [{ name: 'Lê Thị Xuân Trang', title: 'Trưởng Ban Dân vận Tỉnh ủy' }],
      validFrom: '1997-01-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'BDV-TU-BP',
      name: 'Ban Dân vận Tỉnh ủy Bình Phước',
      version: 1,
      status: 'ACTIVE',
      validFrom: '1997-01-01',
    });
    expect(created.headers.get('location')).toBe(`/api/v1/units/${created.body.id}`);
    expect(created.body).not.toHaveProperty('path');

    const read = await server.rest<UnitDto>('GET', `/api/v1/units/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body.leaders).toEqual([{ name: 'Lê Thị Xuân Trang', title: 'Trưởng Ban Dân vận Tỉnh ủy' }]);

    const deleted = await server.rest('DELETE', `/api/v1/units/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await server.rest('GET', `/api/v1/units/${created.body.id}`)).status).toBe(404);
  });

  it('finds units ignoring diacritics and case, through the trigram search', async () => {
    await server.factory.unit({ name: 'Huyện ủy Tiền Hải', kind: 'PARTY_COMMITTEE', level: 'DISTRICT', adminAreaCode: '342' });
    await server.factory.unit({ name: 'Ban Dân vận Huyện ủy Lấp Vò', level: 'DISTRICT' });
    await server.factory.unit({ name: 'Hội Nông dân tỉnh Hà Tĩnh', kind: 'MASS_ORGANISATION' });
    const tienHai = await server.rest<Page<UnitDto>>('GET', '/api/v1/units?q=tien%20hai');
    expect(tienHai.body.items.map((u) => u.name)).toEqual(['Huyện ủy Tiền Hải']);
    const danVan = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?q=${encodeURIComponent('DAN VAN')}`);
    expect(danVan.body.items.map((u) => u.name)).toContain('Ban Dân vận Huyện ủy Lấp Vò');
    expect(danVan.body.items.map((u) => u.name)).not.toContain('Hội Nông dân tỉnh Hà Tĩnh');
    // A decomposed (NFD) query finds the composed name, and "đ" matches "d".
    const nfd = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?q=${encodeURIComponent('Tiền Hải'.normalize('NFD'))}`);
    expect(nfd.body.totalItems).toBe(1);
    const like = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?q=${encodeURIComponent('100%')}`);
    expect(like.body.totalItems).toBe(0);
  });

  it('paginates, sorts by an allowed field and filters by kind, level, status, parent, subtree and validity', async () => {
    const root = await server.factory.unit({ name: 'Gốc lọc', kind: 'PARTY_COMMITTEE', level: 'PROVINCE' });
    const a = await server.factory.unit({ parent: root, name: 'Lọc A', level: 'DISTRICT', kind: 'FATHERLAND_FRONT' });
    const b = await server.factory.unit({ parent: root, name: 'Lọc B', level: 'DISTRICT', status: 'DISSOLVED', validTo: '2025-06-30' });
    const c = await server.factory.unit({ parent: a, name: 'Lọc C', level: 'COMMUNE', validFrom: '2025-07-01' });

    const within = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&sort=-name&pageSize=2&page=1`);
    expect(within.body.totalItems).toBe(4);
    expect(within.body.items.map((u) => u.name)).toEqual(['Lọc C', 'Lọc B']);
    const page2 = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&sort=-name&pageSize=2&page=2`);
    expect(page2.body.items.map((u) => u.name)).toEqual(['Lọc A', 'Gốc lọc']);

    const children = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?parentId=${root.id}`);
    expect(children.body.items.map((u) => u.id)).toEqual([a.id, b.id]);
    const viaChildren = await server.rest<Page<UnitDto>>('GET', `/api/v1/units/${root.id}/children`);
    expect(viaChildren.body.items.map((u) => u.id)).toEqual([a.id, b.id]);

    const communes = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&level=COMMUNE`);
    expect(communes.body.items.map((u) => u.id)).toEqual([c.id]);
    const fronts = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&kind=FATHERLAND_FRONT,PARTY_COMMITTEE`);
    expect(fronts.body.items.map((u) => u.name)).toEqual(['Gốc lọc', 'Lọc A']);
    const dissolved = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&status=DISSOLVED`);
    expect(dissolved.body.items.map((u) => u.id)).toEqual([b.id]);

    const in2024 = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&validOn=2024-01-12`);
    expect(in2024.body.items.map((u) => u.name)).toEqual(['Gốc lọc', 'Lọc A', 'Lọc B']);
    const in2026 = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${root.id}&validOn=2026-01-01`);
    expect(in2026.body.items.map((u) => u.name)).toEqual(['Gốc lọc', 'Lọc A', 'Lọc C']);

    const ancestors = await server.rest<UnitDto[]>('GET', `/api/v1/units/${c.id}/ancestors`);
    expect(ancestors.body.map((u) => u.id)).toEqual([root.id, a.id]);
  });

  it('moves a subtree and rejects a move that would make a unit its own ancestor (422)', async () => {
    const [top, middle, bottom] = await server.factory.chain(3);
    const other = await server.factory.unit();
    const cycle = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${top.id}`, { parentId: bottom.id }, { 'if-match': '"1"' });
    expect(cycle.status).toBe(422);
    expect(cycle.headers.get('content-type')).toContain('application/problem+json');
    expect(cycle.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'cycle' })]);
    const self = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${top.id}`, { parentId: top.id }, { 'if-match': '"1"' });
    expect(self.status).toBe(422);
    expect((await server.rest<UnitDto>('GET', `/api/v1/units/${top.id}`)).body.parentId).toBeNull();

    const moved = await server.rest<UnitDto>('PATCH', `/api/v1/units/${middle.id}`, { parentId: other.id }, { 'if-match': '"1"' });
    expect(moved.status).toBe(200);
    const ancestors = await server.rest<UnitDto[]>('GET', `/api/v1/units/${bottom.id}/ancestors`);
    expect(ancestors.body.map((u) => u.id)).toEqual([other.id, middle.id]);
    const underOther = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${other.id}`);
    expect(underOther.body.totalItems).toBe(3);
    const underTop = await server.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${top.id}`);
    expect(underTop.body.totalItems).toBe(1);
  });

  it('rejects a stale If-Match with 412 and a missing one with 428, changing nothing', async () => {
    const unit = await server.factory.unit({ shortName: 'CŨ' });
    const first = await server.rest<UnitDto>('PATCH', `/api/v1/units/${unit.id}`, { shortName: 'MỚI' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${unit.id}`, { shortName: 'GHI ĐÈ' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const missing = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${unit.id}`, { shortName: 'GHI ĐÈ' });
    expect(missing.status).toBe(428);
    const now = await server.rest<UnitDto>('GET', `/api/v1/units/${unit.id}`);
    expect(now.body).toMatchObject({ shortName: 'MỚI', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const unit = await server.factory.unit();
    const results = await Promise.all(
      ['A', 'B'].map((name) => server.rest('PATCH', `/api/v1/units/${unit.id}`, { name: `Tên ${name}` }, { 'if-match': '"1"' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await server.rest<UnitDto>('GET', `/api/v1/units/${unit.id}`)).body.version).toBe(2);
  });

  it('offers update and delete (allowedActions, UNIT_POLICY) to a secretariat of the subtree, not to a viewer; another subtree does not see it', async () => {
    const province = await server.factory.unit({ name: 'Tỉnh có thao tác' });
    const district = await server.factory.unit({ parent: province, name: 'Huyện có thao tác', level: 'DISTRICT' });
    const elsewhere = await server.factory.unit({ name: 'Tỉnh khác có thao tác' });
    const secretariat = await server.signedIn('SECRETARIAT', province);
    const viewer = await server.signedIn('VIEWER', province);
    const otherSecretariat = await server.signedIn('SECRETARIAT', elsewhere);

    expect((await secretariat.rest<UnitDto>('GET', `/api/v1/units/${district.id}`)).body.allowedActions).toEqual(['update', 'delete']);
    const listed = await secretariat.rest<Page<UnitDto>>('GET', `/api/v1/units?withinUnitId=${province.id}`);
    expect(listed.body.items.map((u) => [u.name, u.allowedActions])).toEqual([
      ['Huyện có thao tác', ['update', 'delete']],
      ['Tỉnh có thao tác', ['update', 'delete']],
    ]);
    const ancestors = await secretariat.rest<UnitDto[]>('GET', `/api/v1/units/${district.id}/ancestors`);
    expect(ancestors.body.map((u) => u.allowedActions)).toEqual([['update', 'delete']]);
    expect((await viewer.rest<UnitDto>('GET', `/api/v1/units/${district.id}`)).body.allowedActions).toEqual([]);
    expect((await otherSecretariat.rest('GET', `/api/v1/units/${district.id}`)).status).toBe(404);
    expect((await otherSecretariat.rest<UnitDto>('GET', `/api/v1/units/${elsewhere.id}`)).body.allowedActions).toEqual([
      'update',
      'delete',
    ]);
    // What a write answers carries them too.
    const renamed = await secretariat.rest<UnitDto>('PATCH', `/api/v1/units/${district.id}`, { shortName: 'HCTT' }, { 'if-match': '"1"' });
    expect(renamed.body).toMatchObject({ version: 2, allowedActions: ['update', 'delete'] });
  });

  it('answers 409 for a duplicate code, and for deleting a unit something refers to', async () => {
    const parent = await server.factory.unit({ code: 'TRUNG-MA' });
    const duplicate = await server.rest<ProblemDetails>('POST', '/api/v1/units', { ...base, code: 'trung-ma', name: 'Khác' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'unique' })]);
    await server.factory.unit({ parent });
    const blocked = await server.rest<ProblemDetails>('DELETE', `/api/v1/units/${parent.id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('STILL_REFERENCED');
    expect(blocked.body.detail).toContain('1 đơn vị trực thuộc');
    expect(blocked.body.detail).toContain('kết thúc');
    expect((await server.rest('GET', `/api/v1/units/${parent.id}`)).status).toBe(200);

    const successor = await server.factory.unit();
    const merged = await server.factory.unit({ status: 'MERGED', validTo: '2025-06-30', successorIds: [successor.id] });
    expect(merged.successorIds).toEqual([successor.id]);
    const referenced = await server.rest<ProblemDetails>('DELETE', `/api/v1/units/${successor.id}`);
    expect(referenced.status).toBe(409);
    expect(referenced.body.detail).toContain('kế thừa');
  });

  describe('bad input changes nothing and says what is wrong', () => {
    async function count(): Promise<number> {
      return (await server.rest<Page<UnitDto>>('GET', '/api/v1/units?pageSize=1')).body.totalItems;
    }

    it.each([
      ['wrong types', { ...base, code: 42, name: ['x'], leaders: 'none' }, ['code', 'name', 'leaders']],
      ['missing fields', {}, ['code', 'name', 'kind', 'level']],
      ['unknown fields', { ...base, code: 'X1', name: 'X', id: '00000000-0000-0000-0000-000000000000', version: 7 }, ['id', 'version']],
      [
        'a bad enum, date and nested leader',
        { ...base, code: 'X2', name: 'X', kind: 'PARTY', validFrom: '2024-02-30', leaders: [{ name: '' }] },
        ['kind', 'validFrom', 'leaders.0.name', 'leaders.0.title'],
      ],
    ])('%s → 400 with field errors', async (_label, body, fields) => {
      const before = await count();
      const response = await server.rest<ProblemDetails>('POST', '/api/v1/units', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(fields));
      for (const error of response.body.errors ?? []) expect(error.message).toMatch(/[À-ỹ]/u); // Vietnamese
      expect(await count()).toBe(before);
    });

    it('null for a field every unit has → 400 on update; null clears an optional field', async () => {
      const unit = await server.factory.unit({ shortName: 'XÓA TÔI' });
      const rejected = await server.rest<ProblemDetails>(
        'PATCH',
        `/api/v1/units/${unit.id}`,
        { name: null, kind: null },
        { 'if-match': '"1"' },
      );
      expect(rejected.status).toBe(400);
      expect(rejected.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['name', 'kind']));
      const cleared = await server.rest<UnitDto>('PATCH', `/api/v1/units/${unit.id}`, { shortName: null }, { 'if-match': '"1"' });
      expect(cleared.body).toMatchObject({ shortName: null, name: unit.name, version: 2 });
    });

    it('malformed JSON → 400 problem+json', async () => {
      const response = await server.rest<ProblemDetails>('POST', '/api/v1/units', '{"code": "X",', { 'content-type': 'application/json' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.detail).toBe('Nội dung JSON sai cú pháp.');
    });

    it('an empty JSON body or a non-JSON content type → 400 / 415 problem+json in Vietnamese', async () => {
      const empty = await server.rest<ProblemDetails>('POST', '/api/v1/units', '', { 'content-type': 'application/json' });
      expect([empty.status, empty.body.detail]).toEqual([400, 'Nội dung JSON trống.']);
      const text = await server.rest<ProblemDetails>('POST', '/api/v1/units', 'code=X', { 'content-type': 'text/plain' });
      expect([text.status, text.body.code]).toEqual([415, 'MALFORMED_REQUEST']);
      expect(text.body.detail).toBe('Kiểu nội dung (Content-Type) không được hỗ trợ: API chỉ nhận application/json.');
      const form = await server.rest<ProblemDetails>('POST', '/api/v1/units', 'code=X', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect([form.status, form.body.detail]).toEqual([
        415,
        'Kiểu nội dung (Content-Type) không được hỗ trợ: API chỉ nhận application/json.',
      ]);
      const utf7 = await server.rest<ProblemDetails>('POST', '/api/v1/units', '{}', { 'content-type': 'application/json; charset=utf-7' });
      expect([utf7.status, utf7.body.detail]).toEqual([415, 'Bảng mã utf-7 không được nhận: nội dung JSON phải ở bảng mã UTF-8.']);
      const utf8 = await server.rest<ProblemDetails>('POST', '/api/v1/units', '{}', { 'content-type': 'application/json; charset=UTF-8' });
      expect(utf8.status).toBe(400); // read, then refused by validation (no code, no name …)
      const ascii = await server.rest<ProblemDetails>('POST', '/api/v1/units', '{}', {
        'content-type': 'application/json; charset=us-ascii',
      });
      expect(ascii.status).toBe(400); // ASCII is UTF-8
    });

    it('a JSON null as a whole body is 400 on body, not an empty change (the version stays)', async () => {
      const unit = await server.factory.unit({ name: 'Ban Dân vận Thân null' });
      const patched = await server.rest<ProblemDetails>('PATCH', `/api/v1/units/${unit.id}`, 'null', {
        'content-type': 'application/json',
        'if-match': `"${unit.version}"`,
      });
      expect([patched.status, patched.body.errors?.[0]?.field, patched.body.errors?.[0]?.code]).toEqual([400, 'body', 'isObject']);
      const created = await server.rest<ProblemDetails>('POST', '/api/v1/units', 'null', { 'content-type': 'application/json' });
      expect([created.status, created.body.errors?.[0]?.code]).toEqual([400, 'isObject']);
      const read = await server.rest<{ version: number }>('GET', `/api/v1/units/${unit.id}`);
      expect(read.body.version).toBe(unit.version);
    });

    it('an oversized page, an unknown sort field or query parameter → 400', async () => {
      for (const query of [
        'pageSize=101',
        'pageSize=0',
        'page=abc',
        'page=1e308',
        'page=99999999999999999999',
        'page=1000001',
        'sort=path',
        'sort=name;drop',
        'color=red',
        'validOn=12/01/2024',
        'withinUnitId=nope',
      ]) {
        const response = await server.rest<ProblemDetails>('GET', `/api/v1/units?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
      }
    });

    it('cross-field rules → 422 (area code per level, end date of a merged unit, validity order)', async () => {
      const response = await server.rest<ProblemDetails>('POST', '/api/v1/units', {
        ...base,
        code: 'RULES',
        name: 'Quy tắc',
        level: 'COMMUNE',
        adminAreaCode: '70',
        status: 'MERGED',
        validFrom: '2020-01-01',
      });
      expect(response.status).toBe(422);
      expect(response.body.errors?.map((e) => e.code).sort()).toEqual(['areaCodeForLevel', 'endDateRequired', 'successorRequired']);
    });

    it('unknown ids → 404, malformed ids → 400, unknown routes → 404 problem', async () => {
      expect((await server.rest('GET', '/api/v1/units/0b7f2f6e-2a5e-4d8e-9a55-1f4f2d0b9c11')).status).toBe(404);
      expect((await server.rest('GET', '/api/v1/units/not-a-uuid')).status).toBe(400);
      const unknown = await server.rest<ProblemDetails>('GET', '/api/v1/nothing-here');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    });

    it('an oversized body → 413', async () => {
      const response = await server.rest<ProblemDetails>('POST', '/api/v1/units', {
        ...base,
        code: 'BIG',
        name: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(response.status).toBe(413);
    });
  });
});
