import type { UnitView } from '@danvan/units';
import { finalisedPledge, gql, TestServer, type TestClient } from '@danvan/testing';

/**
 * `EmulationBloc.pledge(year)`: a bloc's pledge (at most one, of the bloc's year) straight from the bloc,
 * over GraphQL, through the request's DataLoaders. The Hậu Giang 2022 and 2023 blocs of the district
 * commissions, and one 2024 bloc whose pledge is not drawn up yet.
 */
let server: TestServer;
let province: UnitView;
let districts: UnitView[];
let secretariat: TestClient;
let memberOfficer: TestClient;
let outsider: TestClient;
let bloc2023: { blocId: string; pledgeId: string };
let blocWithoutPledge: string;

const PAGE_OF_2022 = 20;

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hậu Giang', shortName: 'BDVTU', adminAreaCode: '93' });
  districts = [];
  for (const name of ['Vị Thanh', 'Ngã Bảy', 'Long Mỹ', 'Châu Thành']) {
    districts.push(await server.factory.unit({ parent: province, name: `Ban Dân vận Huyện ủy ${name}`, level: 'DISTRICT' }));
  }
  const other = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Sóc Trăng', adminAreaCode: '94' });
  secretariat = await server.signedIn('SECRETARIAT', province);
  memberOfficer = await server.signedIn('ORGANISATION', districts[0]);
  outsider = await server.signedIn('SECRETARIAT', other);

  bloc2023 = await finalisedPledge(server.database, {
    ownerUnitId: province.id,
    memberIds: districts.map((d) => d.id),
    blocName: 'Khối Ban Dân vận các huyện, thị, thành ủy',
    title: 'Giao ước thi đua năm 2023 của Khối Ban Dân vận các huyện, thị, thành ủy',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2022',
    year: 2023,
  });
  for (let i = 0; i < PAGE_OF_2022; i++) {
    await finalisedPledge(server.database, {
      ownerUnitId: province.id,
      memberIds: [districts[i % 4].id, districts[(i + 1) % 4].id],
      blocName: `Cụm thi đua số ${String(i + 1).padStart(2, '0')}`,
      title: `Giao ước thi đua năm 2022 của Cụm số ${i + 1}`,
      signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2021',
      year: 2022,
      signedOn: '2022-01-12',
    });
  }
  const { createBloc } = await gql<{ createBloc: { id: string } }>(
    secretariat,
    `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
    { input: { year: 2024, name: 'Khối Ban Dân vận các huyện ủy năm 2024', ownerUnitId: province.id, memberIds: [districts[0].id] } },
  );
  blocWithoutPledge = createBloc.id;
});
afterAll(async () => {
  await server?.close();
});

const BLOC_PLEDGE = `query($id: ID!, $year: Int) { bloc(id: $id) { year pledgeId pledge(year: $year) { id blocId year title status signedOn } } }`;

type BlocWithPledge = {
  bloc: {
    year: number;
    pledgeId: string | null;
    pledge: { id: string; blocId: string; year: number; title: string; status: string } | null;
  };
};

describe('EmulationBloc.pledge(year)', () => {
  it("answers the bloc's pledge when the bloc is of that year", async () => {
    const { bloc } = await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: bloc2023.blocId, year: 2023 });
    expect(bloc.pledge).toEqual({
      id: bloc2023.pledgeId,
      blocId: bloc2023.blocId,
      year: 2023,
      title: 'Giao ước thi đua năm 2023 của Khối Ban Dân vận các huyện, thị, thành ủy',
      status: 'FINALISED',
      signedOn: '2023-01-10',
    });
    expect(bloc.pledgeId).toBe(bloc2023.pledgeId);
  });

  it('answers null for another year, and the pledge whatever the year when none is given', async () => {
    expect((await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: bloc2023.blocId, year: 2024 })).bloc.pledge).toBeNull();
    expect((await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: bloc2023.blocId, year: 2022 })).bloc.pledge).toBeNull();
    expect((await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: bloc2023.blocId })).bloc.pledge?.id).toBe(bloc2023.pledgeId);
  });

  it('refuses a year outside 1945–2100 as the other year inputs do (BAD_USER_INPUT on year, code min / max)', async () => {
    for (const [year, code] of [
      [1944, 'min'],
      [2101, 'max'],
      [-2147483648, 'min'],
    ] as const) {
      const { data, errors } = await secretariat.graphql<BlocWithPledge>(BLOC_PLEDGE, { id: bloc2023.blocId, year });
      expect(data?.bloc?.pledge ?? null).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
      expect(errors?.[0].extensions?.fields).toEqual([{ field: 'year', code, message: 'Năm phải từ 1945 đến 2100.' }]);
    }
    expect((await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: bloc2023.blocId, year: 2100 })).bloc.pledge).toBeNull();
  });

  it('answers null for a bloc whose pledge is not drawn up yet', async () => {
    const { bloc } = await gql<BlocWithPledge>(secretariat, BLOC_PLEDGE, { id: blocWithoutPledge, year: 2024 });
    expect(bloc).toEqual({ year: 2024, pledgeId: null, pledge: null });
  });

  it("is seen by a member of the bloc with the pledge's own fields, and not by a caller outside the bloc", async () => {
    const { bloc } = await gql<{ bloc: { pledge: { signatories: Array<{ id: string }>; progress: { signatories: number } } } }>(
      memberOfficer,
      `query($id: ID!) { bloc(id: $id) { pledge(year: 2023) { signatories { id } progress { signatories } } } }`,
      { id: bloc2023.blocId },
    );
    expect(bloc.pledge.signatories.map((s) => s.id).sort()).toEqual(districts.map((d) => d.id).sort());
    expect(bloc.pledge.progress.signatories).toBe(4);

    const { data, errors } = await outsider.graphql(BLOC_PLEDGE, { id: bloc2023.blocId, year: 2023 });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads the pledges of a page of blocs in a number of statements that does not grow with the page', async () => {
    const query = `query($size: Int!) {
      blocs(options: { pageSize: $size, filter: { year: 2022 } }) {
        items { id pledge(year: 2022) { id blocId title signatories { id } progress { signatories registered } } }
      }
    }`;
    const statementsFor = async (size: number): Promise<number> => {
      server.database.statements.reset();
      const { data, errors } = await secretariat.graphql<{
        blocs: {
          items: Array<{ id: string; pledge: { blocId: string; signatories: unknown[]; progress: { signatories: number } } | null }>;
        };
      }>(query, { size });
      expect(errors).toBeUndefined();
      const items = data?.blocs.items ?? [];
      expect(items).toHaveLength(size);
      expect(
        items.every((b) => b.pledge?.blocId === b.id && b.pledge.signatories.length === 2 && b.pledge.progress.signatories === 2),
      ).toBe(true);
      return server.database.statements.statements;
    };
    const small = await statementsFor(3);
    const large = await statementsFor(PAGE_OF_2022);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6); // caller + page + count + pledges + progress
  });
});
