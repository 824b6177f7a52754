import { RequestContext, toProblem } from '@danvan/core';
import { inTransaction, managerOf, TRANSACTION_RETRY } from '@danvan/database';
import type { UnitView } from '@danvan/units';
import { finalisedPledge, TestServer, type TestAccount, type TestClient } from '@danvan/testing';

/**
 * Concurrent writers on PostgreSQL: a deadlock or serialization failure is
 * retried by the transaction helper and never answered as a 500; the writers of a
 * pledge's awards take their locks in one order, so they do not deadlock at all.
 * PGlite is one connection (transactions run one after the other and cannot
 * deadlock), so the races run only on a PostgreSQL server (TEST_DATABASE_URL).
 */
let server: TestServer;
const onServer = Boolean(process.env.TEST_DATABASE_URL?.trim());
const raceIt = onServer ? it : it.skip;
if (!onServer) {
  // Visible in the output, so a skipped race is never mistaken for a passed one.
  console.info(
    'concurrency.e2e-spec: the deadlock races need a PostgreSQL server (TEST_DATABASE_URL); PGlite has one connection and cannot deadlock.',
  );
}

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

/** Resolves once `parties` callers have arrived: holds each racer until all hold their first lock. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === parties) open();
    await opened;
  };
}

describe('the transaction helper', () => {
  beforeAll(async () => {
    await server.database.manager.query(`CREATE TABLE retry_probe (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
    await server.database.manager.query(`INSERT INTO retry_probe (id) VALUES (1), (2)`);
  });

  raceIt('retries the loser of a deadlock: two transactions locking two rows in opposite orders both commit', async () => {
    const bothHoldTheirFirstRow = barrier(2);
    const attempts = { forward: 0, backward: 0 };
    const run = (name: keyof typeof attempts, first: number, second: number) =>
      inTransaction(server.database, RequestContext.system(name), async (tx) => {
        const db = managerOf(server.database, tx);
        attempts[name]++;
        await db.query(`UPDATE retry_probe SET n = n + 1 WHERE id = $1`, [first]);
        if (attempts[name] === 1) await bothHoldTheirFirstRow(); // only the first attempt waits: the retry runs alone
        await db.query(`UPDATE retry_probe SET n = n + 1 WHERE id = $1`, [second]);
        return name;
      });
    await expect(Promise.all([run('forward', 1, 2), run('backward', 2, 1)])).resolves.toEqual(['forward', 'backward']);
    // PostgreSQL aborted exactly one of them (40P01); the helper ran it again and it committed.
    expect(attempts.forward + attempts.backward).toBe(3);
    const rows = (await server.database.manager.query(`SELECT id, n FROM retry_probe ORDER BY id`)) as Array<{ id: number; n: number }>;
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  raceIt('retries a serialization failure under SERIALIZABLE (40001)', async () => {
    const bothHaveRead = barrier(2);
    let runs = 0;
    const addOne = (name: string) =>
      inTransaction(server.database, RequestContext.system(name), async (tx) => {
        const db = managerOf(server.database, tx);
        runs++;
        await db.query(`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`);
        const [row] = (await db.query(`SELECT n FROM retry_probe WHERE id = 1`)) as Array<{ n: number }>;
        if (runs <= 2) await bothHaveRead();
        await db.query(`UPDATE retry_probe SET n = $1 WHERE id = 1`, [row.n + 1]);
      });
    const [before] = (await server.database.manager.query(`SELECT n FROM retry_probe WHERE id = 1`)) as Array<{ n: number }>;
    await Promise.all([addOne('first'), addOne('second')]);
    const [after] = (await server.database.manager.query(`SELECT n FROM retry_probe WHERE id = 1`)) as Array<{ n: number }>;
    expect(after.n).toBe(before.n + 2); // no lost update: the loser read again and added its one
    expect(runs).toBe(3);
  });

  it('gives up after a bounded number of attempts; the conflict is answered 409 TRANSACTION_CONFLICT with Retry-After, never a 500', async () => {
    let runs = 0;
    const failure = await inTransaction(server.database, RequestContext.system('always-conflicting'), async (tx) => {
      runs++;
      // A real PostgreSQL error with the SQLSTATE of a serialization failure, through the driver.
      await managerOf(server.database, tx).query(`DO $$ BEGIN RAISE EXCEPTION 'conflict on purpose' USING ERRCODE = '40001'; END $$`);
    }).catch((error: unknown) => error);
    expect(runs).toBe(TRANSACTION_RETRY.attempts);
    expect(toProblem(failure)).toMatchObject({
      status: 409,
      code: 'TRANSACTION_CONFLICT',
      unexpected: false,
      retryAfterSeconds: 1,
      detail: expect.stringMatching(/Hãy thử lại/),
    });
  });
});

describe('awards of one pledge written concurrently', () => {
  const UNITS = 6;
  const TOP = 3;
  let province: UnitView;
  let districts: UnitView[];
  let secretariat: TestClient & { account: TestAccount };
  let flagId: string;

  /** A finalised pledge whose accepted sheets rank the districts 1…6 (written directly: this test needs the result, not the lifecycle). */
  async function rankedPledge(index: number): Promise<string> {
    const db = server.database.manager;
    const { pledgeId } = await finalisedPledge(server.database, {
      ownerUnitId: province.id,
      memberIds: districts.map((d) => d.id),
      blocName: `Khối thi đua số ${index}`,
      title: 'Giao ước thi đua năm 2023',
      signingEvent: 'Hội nghị tổng kết năm 2022',
    });
    const [set] = (await db.query(
      `INSERT INTO criteria_set (pledge_id, number, content, max_total, created_by) VALUES ($1, 1, $2::jsonb, 100, 'test') RETURNING id`,
      [pledgeId, JSON.stringify({ bands: [], bonusCap: 0, deductionCap: 0 })],
    )) as Array<{ id: string }>;
    for (const [position, district] of districts.entries()) {
      const [sheet] = (await db.query(
        `INSERT INTO score_sheet (pledge_id, unit_id, criteria_set_id, status, review_step) VALUES ($1, $2, $3, 'ACCEPTED', 3) RETURNING id`,
        [pledgeId, district.id, set.id],
      )) as Array<{ id: string }>;
      await db.query(
        `INSERT INTO score_line (sheet_id, item_code, item_kind, self_score, updated_by) VALUES ($1, '1', 'CRITERION', $2, 'test')`,
        [sheet.id, 90 - position],
      );
    }
    return pledgeId;
  }

  beforeAll(async () => {
    province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Hậu Giang', shortName: 'BDVTU', adminAreaCode: '93' });
    districts = [];
    for (let i = 1; i <= UNITS; i++)
      districts.push(await server.factory.unit({ parent: province, name: `Ban Dân vận Huyện ủy số ${i}`, level: 'DISTRICT' }));
    secretariat = await server.signedIn('SECRETARIAT', province);
    const { data } = await server.graphql<{ awardTitles: Array<{ id: string; code: string }> }>(`{ awardTitles { id code } }`);
    flagId = (data?.awardTitles.find((t) => t.code === 'CO_THI_DUA_BO_TINH') as { id: string }).id;
  });

  raceIt('the ranking and single awards naming the same pledge and title: no 5xx, no duplicate, one award per unit', async () => {
    const PLEDGES = 4;
    const REPEATS = 2; // each unit is named twice by createAward, so duplicates race as well
    const pledgeIds: string[] = [];
    for (let i = 0; i < PLEDGES; i++) pledgeIds.push(await rankedPledge(i));
    const fromRanking = (pledgeId: string) =>
      secretariat.graphql(
        `mutation($p: ID!, $input: AwardsFromRankingInput!) { awardsFromRanking(pledgeId: $p, input: $input) { id rank recipientUnit { id } } }`,
        {
          p: pledgeId,
          input: { awardTitleId: flagId, issuerUnitId: province.id, decidedOn: '2024-01-03', top: TOP },
        },
      );
    const single = (pledgeId: string, unit: UnitView) =>
      secretariat.graphql(`mutation($input: CreateAwardInput!) { createAward(input: $input) { id } }`, {
        input: {
          awardTitleId: flagId,
          recipientKind: 'COLLECTIVE',
          recipientUnitId: unit.id,
          issuerUnitId: province.id,
          decidedOn: '2024-01-03',
          pledgeId,
        },
      });
    const requests: Array<Promise<Awaited<ReturnType<typeof fromRanking>>>> = [];
    for (const pledgeId of pledgeIds) {
      // The ranking first: the single awards for its top units arrive while it holds the pledge.
      requests.push(fromRanking(pledgeId));
      for (let r = 0; r < REPEATS; r++) for (const unit of districts) requests.push(single(pledgeId, unit));
    }
    const answers = await Promise.all(requests);
    expect(answers).toHaveLength(PLEDGES * (UNITS * REPEATS + 1));

    const codes = answers.flatMap((a) => (a.errors ?? []).map((e) => `${String(e.extensions?.code)}/${String(e.extensions?.reason)}`));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    // Every refusal is the expected one: that unit already has this flag under this pledge.
    expect(codes.filter((c) => c !== 'CONFLICT/DUPLICATE' && c !== 'BAD_USER_INPUT/RULE_VIOLATION')).toEqual([]);

    for (const pledgeId of pledgeIds) {
      const rows = (await server.database.manager.query(
        `SELECT recipient_unit_id AS "unitId", count(*)::int AS n FROM award WHERE pledge_id = $1 AND title_id = $2 AND revoked_at IS NULL GROUP BY recipient_unit_id`,
        [pledgeId, flagId],
      )) as Array<{ unitId: string; n: number }>;
      // Every district was named by at least one single award: each holds the flag exactly once.
      expect(rows.map((r) => r.n)).toEqual(districts.map(() => 1));
      expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set(districts.map((d) => d.id)));
    }
    const created = answers.filter((a) => !a.errors).length;
    const rankingsThatWon = answers.filter((a) => !a.errors && (a.data as { awardsFromRanking?: unknown[] }).awardsFromRanking).length;
    // Each winning ranking made TOP awards in one answer; every other award is one single answer.
    expect(created - rankingsThatWon + rankingsThatWon * TOP).toBe(PLEDGES * UNITS);
  });
});

describe('a change waiting for the row lock reads the row after it', () => {
  let province: UnitView;
  let secretariat: TestClient & { account: TestAccount };

  beforeAll(async () => {
    province = await server.factory.unit({ name: 'Ban Dân vận Tỉnh ủy Bạc Liêu', shortName: 'BDVTU', adminAreaCode: '95' });
    secretariat = await server.signedIn('SECRETARIAT', province);
  });

  /**
   * Another transaction bumps the row to version 2 and holds its lock until `change` waits for it; `change`,
   * sent with version 2 (the one the holder commits), must read the row once the lock is its own: it answers
   * the change, where reading before the lock would see version 1 and refuse with 412.
   */
  async function changeBehindHolder(
    table: 'emulation_movement' | 'emulation_bloc',
    id: string,
    change: () => Promise<{ errors?: unknown }>,
  ) {
    let answer!: Promise<{ errors?: unknown }>;
    await inTransaction(server.database, RequestContext.system('holder'), async (tx) => {
      const db = managerOf(server.database, tx);
      await db.query(`UPDATE ${table} SET name = name || ' (sửa)', version = version + 1 WHERE id = $1`, [id]);
      answer = change();
      for (let waited = 0; waited < 100; waited++) {
        const [{ n }] = (await server.database.manager.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as Array<{ n: number }>;
        if (n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    return answer;
  }

  raceIt('movements: the version and state are those the lock holder committed', async () => {
    const { data } = await secretariat.graphql<{ createMovement: { id: string } }>(
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`,
      { input: { name: 'Phong trào "Dân vận khéo" Bạc Liêu', kind: 'REGULAR', launchedByUnitId: province.id, startsOn: '2024-01-01' } },
    );
    const id = data?.createMovement.id as string;
    const answer = await changeBehindHolder('emulation_movement', id, () =>
      secretariat.graphql(
        `mutation($id: ID!, $input: UpdateMovementInput!) { updateMovement(id: $id, expectedVersion: 2, input: $input) { version description } }`,
        { id, input: { description: 'Sau khi khóa.' } },
      ),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer).toMatchObject({ data: { updateMovement: { version: 3, description: 'Sau khi khóa.' } } });
  });

  raceIt('blocs: the version and state are those the lock holder committed', async () => {
    const { data } = await secretariat.graphql<{ createBloc: { id: string } }>(
      `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`,
      { input: { year: 2024, name: 'Khối thi đua Bạc Liêu', ownerUnitId: province.id, memberIds: [province.id] } },
    );
    const id = data?.createBloc.id as string;
    const answer = await changeBehindHolder('emulation_bloc', id, () =>
      secretariat.graphql(
        `mutation($id: ID!) { updateBloc(id: $id, expectedVersion: 2, input: { headUnitId: "${province.id}" }) { version name } }`,
        {
          id,
        },
      ),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer).toMatchObject({ data: { updateBloc: { version: 3, name: 'Khối thi đua Bạc Liêu (sửa)' } } });
  });
});
