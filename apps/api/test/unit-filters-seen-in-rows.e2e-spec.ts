import type { UnitView } from '@danvan/units';
import { TestServer, type TestClient } from '@danvan/testing';

/**
 * A unit filter answers 404 for a unit the caller can neither find in its subtree
 * nor in the rows it may see (protocol-answers.e2e-spec.ts tests that side). Awards are visible by recipient OR issuer, blocs
 * and pledges by owner OR member: a caller sees rows naming units outside its
 * subtree (the province that issued its award, a fellow member of its bloc),
 * takes the id from the answer and filters by it. That filter must answer the
 * rows it sees, not "the unit does not exist or is outside your scope".
 */
let server: TestServer;
let province: UnitView;
let district: UnitView;
let district2: UnitView;
let officer: TestClient; // ORGANISATION of `district`

beforeAll(async () => {
  server = await TestServer.start();
  province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Rà Soát' });
  district = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Một', level: 'DISTRICT' });
  district2 = await server.factory.unit({ parent: province, name: 'Ban Dân vận Huyện ủy Hai', level: 'DISTRICT' });
  officer = await server.signedIn('ORGANISATION', district);
  const titles = await server.graphql<{ awardTitles: Array<{ id: string; recipients: string; ranked: boolean }> }>(
    `{ awardTitles { id recipients ranked } }`,
  );
  const title = titles.data?.awardTitles.find((t) => t.recipients !== 'INDIVIDUAL' && !t.ranked) as { id: string };
  const award = await server.graphql(`mutation($input: CreateAwardInput!) { createAward(input: $input) { id } }`, {
    input: {
      awardTitleId: title.id,
      recipientKind: 'COLLECTIVE',
      recipientUnitId: district.id,
      issuerUnitId: province.id,
      decidedOn: '2024-01-03',
      year: 2023,
    },
  });
  expect(award.errors).toBeUndefined();
  const bloc = await server.graphql(`mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
    input: { year: 2024, name: 'Khối thi đua các huyện', ownerUnitId: province.id, memberIds: [district.id, district2.id] },
  });
  expect(bloc.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

describe('unit filters naming a unit the caller sees in its rows', () => {
  it('awards issued by the province to my unit: issuerUnitId = the province lists them (REST and GraphQL)', async () => {
    const all = await officer.rest<{ items: Array<{ issuer: { id: string } }> }>('GET', '/api/v1/awards');
    expect(all.status).toBe(200);
    expect(all.body.items.map((a) => a.issuer.id)).toEqual([province.id]);
    const byIssuer = await officer.rest<{ totalItems: number }>('GET', `/api/v1/awards?issuerUnitId=${province.id}`);
    expect({ status: byIssuer.status, total: byIssuer.body.totalItems }).toEqual({ status: 200, total: 1 });
    const gql = await officer.graphql<{ awards: { totalItems: number } }>(
      `{ awards(options: { filter: { issuerUnitId: "${province.id}" } }) { totalItems } }`,
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data?.awards.totalItems).toBe(1);
  });

  it('a bloc I am a member of: memberUnitId = a fellow member (outside my subtree) lists it (GraphQL)', async () => {
    const all = await officer.graphql<{ blocs: { items: Array<{ members: Array<{ id: string }> }> } }>(
      `{ blocs { items { members { id } } } }`,
    );
    expect(all.errors).toBeUndefined();
    expect(all.data?.blocs.items[0]?.members.map((m) => m.id)).toContain(district2.id);
    const byMember = await officer.graphql<{ blocs: { totalItems: number } }>(
      `{ blocs(options: { filter: { memberUnitId: "${district2.id}" } }) { totalItems } }`,
    );
    expect(byMember.errors).toBeUndefined();
    expect(byMember.data?.blocs.totalItems).toBe(1);
  });
});
