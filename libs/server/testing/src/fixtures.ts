import type { Database } from '@danvan/database';
import type { TestClient } from './test-server.js';

/** The data of a GraphQL answer; its errors, if any, thrown (for set-up steps and calls that must succeed). */
export async function gql<T>(client: TestClient, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await client.graphql<T>(query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data as T;
}

/** How many audit events the database holds ("no event written" is this count unchanged). */
export async function auditEventCount(database: Database): Promise<number> {
  const [row] = (await database.manager.query(`SELECT count(*)::int AS n FROM audit_event`)) as Array<{ n: number }>;
  return row.n;
}

/**
 * A FINALISED pledge of a new bloc owned by `ownerUnitId`, every member a signatory, written directly
 * (for tests that need a finalised pledge, not its lifecycle). Returns the ids of the pledge and the bloc.
 */
export async function finalisedPledge(
  database: Database,
  options: {
    ownerUnitId: string;
    memberIds: string[];
    blocName: string;
    title: string;
    signingEvent: string;
    year?: number;
    signedOn?: string;
  },
): Promise<{ pledgeId: string; blocId: string }> {
  const db = database.manager;
  const [bloc] = (await db.query(`INSERT INTO emulation_bloc (year, name, owner_unit_id) VALUES ($1, $2, $3) RETURNING id`, [
    options.year ?? 2023,
    options.blocName,
    options.ownerUnitId,
  ])) as Array<{ id: string }>;
  await db.query(`INSERT INTO emulation_bloc_member (bloc_id, unit_id) SELECT $1, unnest($2::uuid[])`, [bloc.id, options.memberIds]);
  const [pledge] = (await db.query(
    `INSERT INTO pledge (bloc_id, title, status, signed_on, signing_event) VALUES ($1, $2, 'FINALISED', $3, $4) RETURNING id`,
    [bloc.id, options.title, options.signedOn ?? '2023-01-10', options.signingEvent],
  )) as Array<{ id: string }>;
  await db.query(`INSERT INTO pledge_signatory (pledge_id, unit_id) SELECT $1, unnest($2::uuid[])`, [pledge.id, options.memberIds]);
  return { pledgeId: pledge.id, blocId: bloc.id };
}

/** Criteria group I of a small criteria set: criterion 1 (40 points) in two sub-criteria, 1.a (25) and 1.b (15). */
export const CRITERIA_GROUP_I = {
  code: 'I',
  title: 'Tham mưu',
  criteria: [
    {
      code: '1',
      title: 'Văn bản',
      maxScore: 40,
      subCriteria: [
        { code: '1.a', title: 'Nghị quyết', maxScore: 25 },
        { code: '1.b', title: 'Sơ kết', maxScore: 15 },
      ],
    },
  ],
};

/** One bonus item C1 (5, capped at 5) and one deduction item T1 (3, capped at 3). */
export const BONUS_AND_DEDUCTION = {
  bonusItems: [{ code: 'C1', title: 'Mô hình mới', maxScore: 5 }],
  bonusCap: 5,
  deductionItems: [{ code: 'T1', title: 'Báo cáo chậm', maxScore: 3 }],
  deductionCap: 3,
};

/** The four classification bands: Xuất sắc from 95, Tốt from 80, Khá from 65, Chưa đạt below. */
export const FOUR_BANDS = [
  { name: 'Xuất sắc', minScore: 95 },
  { name: 'Tốt', minScore: 80 },
  { name: 'Khá', minScore: 65 },
  { name: 'Chưa đạt', minScore: 0 },
];
