import { TestServer } from '@danvan/testing';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

interface UnitNode {
  id: string;
  name: string;
  version: number;
  parent?: { id: string; name: string } | null;
  children?: Array<{ id: string }>;
  ancestors?: Array<{ name: string }>;
}

const UNIT_FIELDS = 'id name version';

describe('GraphQL units', () => {
  it('reads a unit with its parent, ancestors (root first), children and successors', async () => {
    const [province, district] = await server.factory.chain(2);
    const commune = await server.factory.unit({ parent: district, name: 'Đảng ủy xã Tân Mỹ', level: 'COMMUNE' });
    const { data, errors } = await server.graphql<{ unit: UnitNode }>(
      `query($id: ID!) { unit(id: $id) { ${UNIT_FIELDS} parent { id name } ancestors { name } children { id } successors { id } } }`,
      { id: district.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.unit).toMatchObject({
      id: district.id,
      parent: { id: province.id },
      ancestors: [{ name: province.name }],
      children: [{ id: commune.id }],
    });
  });

  it('lists with totals, sorting, filters and diacritics-insensitive search', async () => {
    await server.factory.unit({ name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp', kind: 'FATHERLAND_FRONT' });
    const { data } = await server.graphql<{ units: { totalItems: number; items: UnitNode[] } }>(
      `{ units(options: { pageSize: 5, sort: { field: NAME, order: DESC }, filter: { search: "mat tran dong thap", kind: [FATHERLAND_FRONT] } }) { totalItems items { ${UNIT_FIELDS} } } }`,
    );
    expect(data?.units.totalItems).toBe(1);
    expect(data?.units.items[0].name).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp');
  });

  it('creates, updates with the expected version and deletes', async () => {
    const created = await server.graphql<{ createUnit: UnitNode & { code: string; validFrom: string } }>(
      `mutation($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT_FIELDS} code validFrom } }`,
      {
        input: {
          code: 'gql-1',
          name: 'Hội Cựu chiến binh tỉnh Bình Phước',
          kind: 'MASS_ORGANISATION',
          level: 'PROVINCE',
          adminAreaCode: '70',
          validFrom: '1990-01-01',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUnit).toMatchObject({ code: 'GQL-1', version: 1, validFrom: '1990-01-01' });
    const id = created.data?.createUnit.id as string;
    const updated = await server.graphql<{ updateUnit: UnitNode & { shortName: string } }>(
      `mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { shortName: "HCCB tỉnh" }) { version shortName } }`,
      { id },
    );
    expect(updated.data?.updateUnit).toEqual({ version: 2, shortName: 'HCCB tỉnh' });
    const deleted = await server.graphql<{ deleteUnit: { id: string } }>(
      `mutation($id: ID!) { deleteUnit(id: $id, expectedVersion: 2) { id } }`,
      { id },
    );
    expect(deleted.data?.deleteUnit.id).toBe(id);
  });

  it('offers update and delete (allowedActions, UNIT_POLICY) to a secretariat of the subtree, nothing to a viewer', async () => {
    const province = await server.factory.unit({ name: 'Tỉnh GraphQL có thao tác' });
    const district = await server.factory.unit({ parent: province, name: 'Huyện GraphQL có thao tác', level: 'DISTRICT' });
    const elsewhere = await server.factory.unit({ name: 'Tỉnh GraphQL khác' });
    const query = `query($id: ID!) { unit(id: $id) { allowedActions parent { allowedActions } } }`;
    type Answer = { unit: { allowedActions: string[]; parent: { allowedActions: string[] } | null } | null };
    const secretariat = await server.signedIn('SECRETARIAT', province);
    const seen = await secretariat.graphql<Answer>(query, { id: district.id });
    expect(seen.data?.unit).toEqual({ allowedActions: ['update', 'delete'], parent: { allowedActions: ['update', 'delete'] } });
    const viewer = await server.signedIn('VIEWER', province);
    expect((await viewer.graphql<Answer>(query, { id: district.id })).data?.unit).toEqual({
      allowedActions: [],
      parent: { allowedActions: [] },
    });
    const otherSecretariat = await server.signedIn('SECRETARIAT', elsewhere);
    const foreign = await otherSecretariat.graphql<Answer>(query, { id: district.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await otherSecretariat.graphql<{ units: { items: Array<{ id: string; allowedActions: string[] }> } }>(
      `{ units(options: { filter: { search: "Tỉnh GraphQL" } }) { items { id allowedActions } } }`,
    );
    expect(list.data?.units.items).toEqual([{ id: elsewhere.id, allowedActions: ['update', 'delete'] }]);
  });

  it('resolves a page of 50 units with parents and children in a number of statements that does not grow with the page', async () => {
    const root = await server.factory.unit({ name: 'Gốc trang', level: 'CENTRAL' });
    for (let i = 0; i < 50; i++) {
      const unit = await server.factory.unit({ parent: root, name: `Trang ${String(i).padStart(2, '0')}` });
      await server.factory.unit({ parent: unit, level: 'DISTRICT' });
    }
    const query = `query($size: Int!, $parentId: ID!) {
      units(options: { pageSize: $size, filter: { parentId: $parentId } }) {
        totalItems items { id name parent { id name } children { id name parent { id } } ancestors { id } }
      }
    }`;
    const statementsFor = async (size: number): Promise<number> => {
      server.database.statements.reset();
      const { data, errors } = await server.graphql<{ units: { items: UnitNode[] } }>(query, { size, parentId: root.id });
      expect(errors).toBeUndefined();
      expect(data?.units.items).toHaveLength(size);
      expect(data?.units.items.every((u) => u.parent?.id === root.id && u.children?.length === 1)).toBe(true);
      return server.database.statements.statements;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6); // caller + page + count + parents/ancestors + children
  });

  describe('errors carry a code, a reason and the offending fields', () => {
    it('validation: BAD_USER_INPUT with fields', async () => {
      const { errors } = await server.graphql(
        `mutation { createUnit(input: { code: "ok", name: "", kind: STATE_AGENCY, level: PROVINCE, leaders: [{ name: "A", title: "" }] }) { id } }`,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
      expect(errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual(['leaders.0.title', 'name']);
    });

    it('errors in nested fields go through the same mapping (children limit)', async () => {
      const unit = await server.factory.unit();
      const { errors } = await server.graphql(`query($id: ID!) { unit(id: $id) { children(limit: 501) { id } } }`, { id: unit.id });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'limit' })],
      });
    });

    it('an oversized page: BAD_USER_INPUT on options.pageSize', async () => {
      const { errors } = await server.graphql(`{ units(options: { pageSize: 101 }) { totalItems } }`);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].extensions?.fields?.[0].field).toBe('pageSize');
    });

    it('unknown fields, wrong types and bad dates are rejected by the schema', async () => {
      const unknownField = await server.graphql(
        `mutation { createUnit(input: { code: "X", name: "X", kind: STATE_AGENCY, level: PROVINCE, version: 3 }) { id } }`,
      );
      expect(unknownField.status).toBe(400);
      expect(unknownField.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const wrongType = await server.graphql(`query($size: Int) { units(options: { pageSize: $size }) { totalItems } }`, { size: 'many' });
      expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const badDate = await server.graphql(`{ units(options: { filter: { validOn: "30/02/2024" } }) { totalItems } }`);
      expect(badDate.errors?.[0].message).toContain('yyyy-MM-dd');
    });

    it('NOT_FOUND, CONFLICT on a stale version or duplicate code, BAD_USER_INPUT on a cycle — and nothing changes', async () => {
      const missing = await server.graphql(`{ unit(id: "0b7f2f6e-2a5e-4d8e-9a55-1f4f2d0b9c11") { id } }`);
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      const [top, bottom] = await server.factory.chain(2);
      const cycle = await server.graphql(
        `mutation($id: ID!, $p: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { parentId: $p }) { id } }`,
        { id: top.id, p: bottom.id },
      );
      expect(cycle.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RULE_VIOLATION',
        fields: [expect.objectContaining({ field: 'parentId', code: 'cycle' })],
      });

      await server.graphql(`mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { name: "Lần một" }) { id } }`, {
        id: bottom.id,
      });
      const stale = await server.graphql(
        `mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { name: "Lần hai" }) { id } }`,
        { id: bottom.id },
      );
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });

      const duplicate = await server.graphql(
        `mutation($code: String!) { createUnit(input: { code: $code, name: "Trùng", kind: STATE_AGENCY, level: PROVINCE }) { id } }`,
        { code: top.code },
      );
      expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

      const now = await server.graphql<{ unit: { name: string; version: number; parent: { id: string } | null } }>(
        `query($id: ID!) { unit(id: $id) { name version parent { id } } }`,
        { id: bottom.id },
      );
      expect(now.data?.unit).toEqual({ name: 'Lần một', version: 2, parent: { id: top.id } });
    });

    it('never answers an expected failure with INTERNAL_SERVER_ERROR', async () => {
      const deleteReferenced = await server.graphql(`mutation($id: ID!) { deleteUnit(id: $id) { id } }`, {
        id: (await server.factory.chain(2))[0].id,
      });
      expect(deleteReferenced.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STILL_REFERENCED' });
      const badId = await server.graphql(`{ unit(id: "nope") { id } }`);
      expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
