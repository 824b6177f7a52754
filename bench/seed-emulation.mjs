/**
 * Data of the emulation benchmark (bench/emulation.mjs), over the national tree
 * of bench/seed-units.mjs, written with set-based SQL in one transaction:
 *
 * - organisations: under every province, district and commune committee of the
 *   tree, its Fatherland Front committee and four mass organisations (women,
 *   farmers, youth union, veterans): 5 × 10,458 = 52,290 more units, so the
 *   tree has the national order of magnitude (≈ 62,750 units);
 * - the bloc under test: 100 (`blocSize`) district committees (chosen by a hash of their
 *   codes, spread over the provinces) in a bloc owned by the root, its FINALISED
 *   pledge, a criteria set of 30 scored criteria (5 groups; sub-criteria), 3 bonus
 *   and 3 deduction items, 4 bands, one ACCEPTED score sheet per member with its
 *   30 criterion lines (self-score and reviewed score) and some bonus and
 *   deduction lines, awards to the first ten;
 * - background emulation, so that the ranking reads one pledge among many: a
 *   bloc of the district committees of every province and a bloc of the commune
 *   committees of every district (756 pledges, half FINALISED, half SCORING_OPEN),
 *   each with the same criteria set and a sheet per member;
 * - "Dân vận khéo" models (BENCH_MODELS, default 100,000) owned by units of every
 *   level (70 % commune, 22 % district, 7 % province, 1 % central), in the four
 *   fields, collective or individual, started 2015–2025, a quarter recognised
 *   typical, some then excellent or downgraded, with that history in
 *   model_recognition.
 *
 * Ids are name-based (md5 of a key), so a rerun inserts nothing (ON CONFLICT DO
 * NOTHING) and each step is skipped when its last row is present. Scores and
 * model attributes come from hashes of the ids: the same every time.
 */
import { FAMILY, GIVEN, nameBasedUuid } from './seed-units.mjs';

/** Year of the blocs and pledges. */
export const BLOC_YEAR = 2025;
/** Created-by label of every seeded row. */
const BY = 'npm run bench:emulation';

const ORGANISATIONS = [
  // [code prefix, kind, name prefix, short prefix]
  ['MT', 'FATHERLAND_FRONT', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'MTTQ'],
  ['PN', 'MASS_ORGANISATION', 'Hội Liên hiệp Phụ nữ', 'HLHPN'],
  ['ND', 'MASS_ORGANISATION', 'Hội Nông dân', 'HND'],
  ['DTN', 'MASS_ORGANISATION', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'ĐTN'],
  ['CCB', 'MASS_ORGANISATION', 'Hội Cựu chiến binh', 'HCCB'],
];

const GROUPS = [
  [
    'I',
    'Công tác tham mưu, hướng dẫn',
    [
      'Tham mưu cấp ủy ban hành nghị quyết, chỉ thị, kết luận về công tác dân vận',
      'Hướng dẫn, kiểm tra việc thực hiện công tác dân vận',
      'Sơ kết, tổng kết, nhân rộng cách làm hay',
      'Nắm tình hình nhân dân, báo cáo định kỳ và đột xuất',
      'Công tác dân vận trong thực hiện nhiệm vụ chính trị của địa phương',
    ],
  ],
  [
    'II',
    'Công tác dân vận chính quyền',
    [
      'Thực hiện Quy chế dân chủ ở cơ sở',
      'Tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với nhân dân',
      'Giải quyết đơn thư, kiến nghị của nhân dân',
      'Cải cách hành chính, nâng cao chất lượng phục vụ nhân dân',
      'Dân vận trong xây dựng nông thôn mới, đô thị văn minh',
    ],
  ],
  [
    'III',
    'Phối hợp với Mặt trận Tổ quốc và các đoàn thể',
    [
      'Thực hiện quy chế phối hợp công tác dân vận',
      'Giám sát, phản biện xã hội và góp ý xây dựng Đảng, chính quyền',
      'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
      'Công tác tôn giáo, dân tộc',
      'Phát triển đoàn viên, hội viên',
    ],
  ],
  [
    'IV',
    'Phong trào thi đua "Dân vận khéo"',
    [
      'Đăng ký và xây dựng mô hình "Dân vận khéo"',
      'Biểu dương, khen thưởng điển hình',
      'Tuyên truyền về phong trào trên các phương tiện thông tin',
      'Nhân rộng mô hình, điển hình',
      'Hiệu quả của các mô hình',
    ],
  ],
  [
    'V',
    'Xây dựng cơ quan, đội ngũ cán bộ',
    [
      'Kiện toàn tổ chức bộ máy',
      'Bồi dưỡng nghiệp vụ cho đội ngũ cán bộ dân vận',
      'Chuyển đổi số trong công tác dân vận',
      'Thực hiện chế độ thông tin, báo cáo',
      'Xây dựng cơ quan trong sạch, vững mạnh',
    ],
  ],
];

/** The criteria set of every seeded pledge (CriteriaSetContent): 30 scored criterion lines worth 100, caps 5 and 10. */
export function criteriaContent() {
  return {
    groups: GROUPS.map(([code, title, criteria], g) => ({
      code,
      title,
      criteria: criteria.map((criterionTitle, c) => {
        const criterionCode = `${g + 1}.${c + 1}`;
        return c === criteria.length - 1
          ? {
              code: criterionCode,
              title: criterionTitle,
              maxScore: 4,
              subCriteria: [
                { code: `${criterionCode}.a`, title: 'Số lượng', maxScore: 2 },
                { code: `${criterionCode}.b`, title: 'Chất lượng, hiệu quả', maxScore: 2 },
              ],
            }
          : { code: criterionCode, title: criterionTitle, maxScore: 4 };
      }),
    })),
    bonusItems: [
      { code: 'C1', title: 'Mô hình, cách làm mới được cấp trên khen thưởng', maxScore: 2 },
      { code: 'C2', title: 'Hoàn thành xuất sắc nhiệm vụ đột phá', maxScore: 2 },
      { code: 'C3', title: 'Sáng kiến được nhân rộng', maxScore: 1 },
    ],
    bonusCap: 5,
    deductionItems: [
      { code: 'T1', title: 'Báo cáo chậm, thiếu', maxScore: 2 },
      { code: 'T2', title: 'Để xảy ra điểm nóng, khiếu kiện đông người', maxScore: 5 },
      { code: 'T3', title: 'Cán bộ vi phạm kỷ luật', maxScore: 3 },
    ],
    deductionCap: 10,
    bands: [
      { name: 'Hoàn thành xuất sắc nhiệm vụ', minScore: 90 },
      { name: 'Hoàn thành tốt nhiệm vụ', minScore: 75 },
      { name: 'Hoàn thành nhiệm vụ', minScore: 50 },
      { name: 'Không hoàn thành nhiệm vụ', minScore: 0 },
    ],
  };
}

/** The scored lines of a criteria set, in order, as scorableItems() lists them. */
export function scorableItems(content) {
  const items = [];
  for (const group of content.groups) {
    for (const criterion of group.criteria) {
      if (criterion.subCriteria?.length)
        for (const sub of criterion.subCriteria) items.push({ code: sub.code, kind: 'CRITERION', maxScore: sub.maxScore });
      else items.push({ code: criterion.code, kind: 'CRITERION', maxScore: criterion.maxScore });
    }
  }
  for (const item of content.bonusItems) items.push({ code: item.code, kind: 'BONUS', maxScore: item.maxScore });
  for (const item of content.deductionItems) items.push({ code: item.code, kind: 'DEDUCTION', maxScore: item.maxScore });
  return items;
}

const THEMES = {
  ECONOMY: [
    'Hiến đất làm đường giao thông nông thôn',
    'Tổ hợp tác sản xuất lúa chất lượng cao',
    'Chi hội nông dân giúp nhau thoát nghèo',
    'Cánh đồng mẫu lớn',
    'Tiết kiệm vì phụ nữ nghèo',
    'Chuyển đổi số trong tiêu thụ nông sản',
  ],
  CULTURE_SOCIETY: [
    'Khu dân cư văn hóa, sạch đẹp',
    'Câu lạc bộ dưỡng sinh người cao tuổi',
    'Quỹ khuyến học dòng họ',
    'Tuyến đường hoa kiểu mẫu',
    'Phân loại rác thải tại nguồn',
    'Nhà nhân ái',
  ],
  DEFENCE_SECURITY: [
    'Tổ an ninh tự quản',
    'Camera an ninh khu dân cư',
    'Tổ hòa giải ở cơ sở',
    'Xóm không có tội phạm',
    'Dòng họ không có người vi phạm pháp luật',
    'Tổ tự quản đường biên',
  ],
  POLITICAL_SYSTEM: [
    'Đối thoại trực tiếp với nhân dân',
    'Chi bộ gắn với dân',
    'Tiếp công dân định kỳ',
    'Cán bộ bám địa bàn',
    'Zalo "Lắng nghe dân nói"',
    'Mỗi đảng viên phụ trách một hộ',
  ],
};
// Family and given names as the leaders' (bench/seed-units.mjs); middle names of individuals too ('Thị').
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Hồng', 'Ngọc', 'Xuân', 'Hữu'];

/** Session-local helpers (pg_temp: nothing stays in the database): a name-based uuid (see uid()) and 28-bit hashes. */
const HELPERS = [
  // Name-based UUID, version 3 (MD5) layout, so that the API's UUID checks accept it.
  `CREATE OR REPLACE FUNCTION pg_temp.uid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
     SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3) || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid
     FROM md5('danvan-bench:' || key) h $$`,
  // k = 0..3: four independent non-negative 28-bit integers from the md5 of key.
  `CREATE OR REPLACE FUNCTION pg_temp.h(key text, k int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT ('x' || substr(md5(key), 1 + 7 * k, 7))::bit(28)::int $$`,
];

/** The id pg_temp.uid(key) gives: md5 of the key, in the layout of a version-3 UUID. */
export const uid = (key) => nameBasedUuid('md5', 3, key);

const count = async (client, sql, params = []) => Number((await client.query(sql, params)).rows[0].n);
const exists = async (client, sql, params = []) => (await client.query(sql, params)).rowCount > 0;

/** Step 1: the Fatherland Front and four mass organisations under every committee of the tree. */
async function seedOrganisations(client) {
  // Done when the last organisation of the last commune of the tree (full or smoke) is there.
  const lastCommune = (await client.query(`SELECT max(code) AS code FROM unit WHERE code LIKE 'BENCH-DU-%'`)).rows[0].code ?? 'BENCH-DU-';
  const last = `BENCH-${ORGANISATIONS.at(-1)[0]}-${lastCommune.slice('BENCH-'.length)}`;
  if (await exists(client, `SELECT 1 FROM unit WHERE code = $1`, [last])) return 0;
  const result = await client.query(
    `INSERT INTO unit (id, code, name, short_name, kind, level, parent_id, path, depth, admin_area_code, leaders, status, valid_from)
     SELECT pg_temp.uid(o.prefix || ':' || c.code), 'BENCH-' || o.prefix || substr(c.code, 6), left(o.name || ' ' || pl.place, 255),
            left(o.short || ' ' || regexp_replace(pl.place, '^(xã|phường|thị trấn|tỉnh|thành phố|huyện|quận|thị xã) ', ''), 64),
            o.kind, c.level, c.id, c.path || pg_temp.uid(o.prefix || ':' || c.code) || '/', c.depth + 1, c.admin_area_code, '[]'::jsonb, 'ACTIVE', c.valid_from
     FROM unit c
     CROSS JOIN LATERAL (SELECT CASE
       WHEN c.name ~ '^Đảng ủy ' THEN regexp_replace(c.name, '^Đảng ủy ', '')
       WHEN c.name ~ '^Tỉnh ủy ' THEN regexp_replace(c.name, '^Tỉnh ủy ', 'tỉnh ')
       WHEN c.name ~ '^Thành ủy (Thành phố )?' THEN regexp_replace(c.name, '^Thành ủy (Thành phố )?', 'thành phố ')
       WHEN c.name ~ '^Huyện ủy ' THEN regexp_replace(c.name, '^Huyện ủy ', 'huyện ')
       WHEN c.name ~ '^Quận ủy ' THEN regexp_replace(c.name, '^Quận ủy ', 'quận ')
       WHEN c.name ~ '^Thị ủy ' THEN regexp_replace(c.name, '^Thị ủy ', 'thị xã ')
       ELSE c.name END AS place) pl
     CROSS JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS o(prefix, kind, name, short)
     WHERE c.code LIKE 'BENCH-%' AND c.kind = 'PARTY_COMMITTEE' AND c.level <> 'CENTRAL'
     ORDER BY c.path, o.prefix
     ON CONFLICT DO NOTHING`,
    [ORGANISATIONS.map((o) => o[0]), ORGANISATIONS.map((o) => o[1]), ORGANISATIONS.map((o) => o[2]), ORGANISATIONS.map((o) => o[3])],
  );
  return result.rowCount;
}

/** Step 2: the bloc under test and the background blocs, with pledges, criteria, sheets, lines and awards. */
async function seedEmulation(client, rootId, blocSize) {
  if (await exists(client, `SELECT 1 FROM award WHERE id = pg_temp.uid('award:10')`)) return { sheets: 0, lines: 0 };
  const content = criteriaContent();
  const items = scorableItems(content);
  const maxTotal = items.filter((i) => i.kind === 'CRITERION').reduce((s, i) => s + i.maxScore, 0) + content.bonusCap;

  await client.query(
    `CREATE TEMP TABLE bench_bloc (bloc_id uuid, pledge_id uuid, criteria_id uuid, owner_id uuid, name text, status text, target boolean) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO bench_bloc
     SELECT pg_temp.uid('bloc:TARGET'), pg_temp.uid('pledge:TARGET'), pg_temp.uid('criteria:TARGET'), $1::uuid,
            'Khối thi đua ' || $2::int || ' huyện ủy, quận ủy, thị ủy, thành ủy (đo hiệu năng)', 'FINALISED', true
     UNION ALL
     SELECT pg_temp.uid('bloc:' || u.code), pg_temp.uid('pledge:' || u.code), pg_temp.uid('criteria:' || u.code), u.id,
            CASE u.level WHEN 'PROVINCE' THEN 'Khối thi đua các huyện ủy, thị ủy, thành ủy trực thuộc ' ELSE 'Khối thi đua các đảng ủy xã, phường, thị trấn trực thuộc ' END || u.name,
            CASE WHEN pg_temp.h(u.code, 0) % 2 = 0 THEN 'FINALISED' ELSE 'SCORING_OPEN' END, false
     FROM unit u WHERE u.code LIKE 'BENCH-%' AND u.kind = 'PARTY_COMMITTEE' AND u.level IN ('PROVINCE', 'DISTRICT')`,
    [rootId, blocSize],
  );
  await client.query(
    `CREATE TEMP TABLE bench_member (bloc_id uuid, pledge_id uuid, criteria_id uuid, unit_id uuid, status text, sheet_id uuid) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO bench_member
     SELECT b.bloc_id, b.pledge_id, b.criteria_id, m.id, b.status, pg_temp.uid('sheet:' || b.pledge_id || ':' || m.id)
     FROM bench_bloc b
     JOIN LATERAL (
       SELECT u.id FROM unit u WHERE b.target AND u.code LIKE 'BENCH-HU-%' AND u.kind = 'PARTY_COMMITTEE'
       UNION ALL
       SELECT u.id FROM unit u WHERE NOT b.target AND u.parent_id = b.owner_id AND u.kind = 'PARTY_COMMITTEE'
     ) m ON true
     WHERE NOT b.target OR m.id IN (SELECT id FROM unit WHERE code LIKE 'BENCH-HU-%' AND kind = 'PARTY_COMMITTEE' ORDER BY md5(code) LIMIT $1)`,
    [blocSize],
  );
  await client.query(
    `INSERT INTO emulation_bloc (id, year, name, owner_unit_id) SELECT bloc_id, $1, name, owner_id FROM bench_bloc ON CONFLICT DO NOTHING`,
    [BLOC_YEAR],
  );
  await client.query(
    `INSERT INTO emulation_bloc_member (bloc_id, unit_id) SELECT bloc_id, unit_id FROM bench_member ON CONFLICT DO NOTHING`,
  );
  // Head and deputy: the first two members by code (they must be members).
  await client.query(
    `UPDATE emulation_bloc e SET head_unit_id = x.ids[1], deputy_unit_id = x.ids[2]
     FROM (SELECT m.bloc_id, array_agg(m.unit_id ORDER BY u.code) AS ids FROM bench_member m JOIN unit u ON u.id = m.unit_id GROUP BY m.bloc_id) x
     WHERE e.id = x.bloc_id AND e.head_unit_id IS NULL`,
  );
  await client.query(
    `INSERT INTO pledge (id, bloc_id, title, status, signed_on, signing_event, signing_place)
     SELECT b.pledge_id, b.bloc_id, left('Giao ước thi đua năm ' || $1::int || ': ' || b.name, 500), b.status, make_date($1::int, 2, 20),
            'Hội nghị ký kết giao ước thi đua năm ' || $1::int, left('Hội trường ' || o.name, 255)
     FROM bench_bloc b JOIN unit o ON o.id = b.owner_id
     ON CONFLICT DO NOTHING`,
    [BLOC_YEAR],
  );
  await client.query(
    `INSERT INTO pledge_signatory (pledge_id, unit_id) SELECT pledge_id, unit_id FROM bench_member ON CONFLICT DO NOTHING`,
  );
  // criteria_set rows are immutable (an UPDATE trigger refuses changes): insert only, never upsert.
  await client.query(
    `INSERT INTO criteria_set (id, pledge_id, number, content, max_total, created_by, created_at)
     SELECT criteria_id, pledge_id, 1, $1::jsonb, $2, $3, make_date($4, 2, 1) FROM bench_bloc ON CONFLICT DO NOTHING`,
    [JSON.stringify(content), maxTotal, BY, BLOC_YEAR],
  );
  // FINALISED: every sheet accepted at the last step; SCORING_OPEN: a third submitted, the rest drafts.
  const sheets = await client.query(
    `INSERT INTO score_sheet (id, pledge_id, unit_id, criteria_set_id, status, review_step, submitted_at, version)
     SELECT m.sheet_id, m.pledge_id, m.unit_id, m.criteria_id, s.status, s.step,
            CASE WHEN s.status = 'DRAFT' THEN NULL ELSE make_timestamptz($1 + 1, 1, 5, 9, 0, 0, 'Asia/Ho_Chi_Minh') END, s.version
     FROM bench_member m
     CROSS JOIN LATERAL (
       SELECT * FROM (VALUES
         ('ACCEPTED', 3, 5, m.status = 'FINALISED'),
         ('SUBMITTED', 1, 3, m.status <> 'FINALISED' AND pg_temp.h(m.sheet_id::text, 0) % 3 = 0),
         ('DRAFT', 0, 2, m.status <> 'FINALISED' AND pg_temp.h(m.sheet_id::text, 0) % 3 <> 0)
       ) v(status, step, version, applies) WHERE v.applies
     ) s
     ON CONFLICT DO NOTHING`,
    [BLOC_YEAR],
  );
  // Scores: a level per unit (55–98 % of the maximum), ± 10 % per line, in quarter points; bonus on a
  // quarter of the lines, deductions on a sixth; reviewers take off a quarter or half point on one line in five.
  const lines = await client.query(
    `INSERT INTO score_line (sheet_id, item_code, item_kind, self_score, reviewed_score, version, updated_by, updated_at)
     SELECT x.sheet_id, x.code, x.kind, x.self,
            CASE WHEN x.sheet_status = 'DRAFT' THEN NULL
                 WHEN x.sheet_status = 'SUBMITTED' AND x.r % 2 = 0 THEN NULL
                 WHEN x.r % 5 = 0 THEN GREATEST(0, x.self - 0.25 * (1 + x.r / 5 % 2))
                 ELSE x.self END,
            1 + (x.sheet_status <> 'DRAFT')::int, $4, make_timestamptz($5 + 1, 1, 4, 16, 0, 0, 'Asia/Ho_Chi_Minh')
     FROM (
       SELECT s.id AS sheet_id, s.status AS sheet_status, it.code, it.kind, pg_temp.h(s.id::text || it.code, 1) AS r,
              CASE it.kind
                WHEN 'CRITERION' THEN round(it.max * LEAST(1, GREATEST(0,
                  0.55 + 0.43 * pg_temp.h(s.unit_id::text, 2) / 268435455.0 + 0.2 * (pg_temp.h(s.id::text || it.code, 2) / 268435455.0 - 0.5))) * 4) / 4
                ELSE round(it.max * (0.25 + 0.75 * pg_temp.h(s.id::text || it.code, 2) / 268435455.0) * 4) / 4
              END AS self
       FROM bench_member m JOIN score_sheet s ON s.id = m.sheet_id
       CROSS JOIN unnest($1::text[], $2::text[], $3::numeric[]) AS it(code, kind, max)
       WHERE it.kind = 'CRITERION'
          OR (it.kind = 'BONUS' AND pg_temp.h(s.id::text || it.code, 0) % 4 = 0)
          OR (it.kind = 'DEDUCTION' AND pg_temp.h(s.id::text || it.code, 0) % 6 = 0)
     ) x
     ON CONFLICT DO NOTHING`,
    [items.map((i) => i.code), items.map((i) => i.kind), items.map((i) => i.maxScore), BY, BLOC_YEAR],
  );
  // Awards of the finalised ranking: flags to the first three, certificates of merit to the next seven.
  await client.query(
    `INSERT INTO award (id, title_id, recipient_kind, recipient_unit_id, rank, issuer_unit_id, decided_on, year, pledge_id, citation)
     SELECT pg_temp.uid('award:' || t.n), a.id, 'COLLECTIVE', t.unit_id, CASE t.n WHEN 1 THEN 'FIRST' WHEN 2 THEN 'SECOND' WHEN 3 THEN 'THIRD' END,
            $1::uuid, make_date($2::int + 1, 1, 15), $2::int, pg_temp.uid('pledge:TARGET'), 'Đã có thành tích xuất sắc trong phong trào thi đua năm ' || $2::int
     FROM (
       SELECT s.unit_id, row_number() OVER (ORDER BY sum(CASE l.item_kind WHEN 'DEDUCTION' THEN -1 ELSE 1 END * COALESCE(l.reviewed_score, l.self_score)) DESC, s.unit_id) AS n
       FROM score_sheet s JOIN score_line l ON l.sheet_id = s.id WHERE s.pledge_id = pg_temp.uid('pledge:TARGET') GROUP BY s.unit_id
     ) t
     JOIN award_title a ON a.code = CASE WHEN t.n <= 3 THEN 'CO_THI_DUA_BO_TINH' ELSE 'GIAY_KHEN' END
     WHERE t.n <= 10
     ON CONFLICT DO NOTHING`,
    [rootId, BLOC_YEAR],
  );
  return { sheets: sheets.rowCount, lines: lines.rowCount };
}

/** Step 3: "Dân vận khéo" models with their recognition history. */
async function seedModels(client, models) {
  if (await exists(client, `SELECT 1 FROM model_practice WHERE id = pg_temp.uid('model:' || $1::int)`, [models]))
    return { models: 0, changes: 0 };
  await client.query(
    `CREATE TEMP TABLE bench_model ON COMMIT DROP AS
     WITH lv AS (
       SELECT level, array_agg(id ORDER BY code) AS ids FROM unit WHERE code LIKE 'BENCH-%' GROUP BY level
     ), g AS (
       SELECT n, pg_temp.h('model:' || n, 0) AS h0, pg_temp.h('model:' || n, 1) AS h1, pg_temp.h('model:' || n, 2) AS h2, pg_temp.h('model:' || n, 3) AS h3
       FROM generate_series(1, $1::int) n
     ), p AS (
       SELECT g.*,
              CASE WHEN h0 % 100 < 70 THEN 'COMMUNE' WHEN h0 % 100 < 92 THEN 'DISTRICT' WHEN h0 % 100 < 99 THEN 'PROVINCE' ELSE 'CENTRAL' END AS level,
              (ARRAY['ECONOMY','CULTURE_SOCIETY','DEFENCE_SECURITY','POLITICAL_SYSTEM'])[1 + (h0 / 100) % 4] AS field,
              2015 + floor(sqrt((h1 % 121)::float))::int AS first_year
       FROM g
     ), q AS (
       SELECT p.*, lv.ids[1 + p.h2 % array_length(lv.ids, 1)] AS owner_id,
              CASE WHEN (h3 / 100000) % 100 < 55 THEN NULL ELSE LEAST(2026, first_year + (h2 / 100000) % 6) END AS last_year,
              CASE WHEN h3 % 1000 < 250 THEN make_date(first_year + (h1 / 1000) % 3, 1 + (h2 / 1000) % 12, 1 + (h3 / 1000) % 28) END AS raw1,
              CASE WHEN h3 % 1000 < 40 THEN 'EXCELLENT' WHEN h3 % 1000 < 48 THEN 'REGISTERED' END AS to2,
              (h0 / 10000) % 2 + 1 AS gap2
       FROM p JOIN lv USING (level)
     ), r AS (
       SELECT q.*, CASE WHEN raw1 <= DATE '2026-10-31' THEN raw1 END AS t1 FROM q
     ), s AS (
       SELECT r.*, CASE WHEN t1 IS NOT NULL AND to2 IS NOT NULL
                        AND GREATEST(t1 + 30, make_date(extract(year FROM t1)::int + gap2, 1 + (h1 / 100000) % 12, 10)) <= DATE '2026-10-31'
                        THEN GREATEST(t1 + 30, make_date(extract(year FROM t1)::int + gap2, 1 + (h1 / 100000) % 12, 10)) END AS t2
       FROM r
     )
     SELECT n, pg_temp.uid('model:' || n) AS id, owner_id, level, field, first_year, last_year, t1, t2, CASE WHEN t2 IS NOT NULL THEN to2 END AS to2,
            CASE WHEN t2 IS NOT NULL THEN to2 WHEN t1 IS NOT NULL THEN 'TYPICAL' ELSE 'REGISTERED' END AS recognition,
            COALESCE(t2, t1) AS recognised_on,
            CASE WHEN (h1 / 1000000) % 100 < 15 THEN 'INDIVIDUAL' ELSE 'COLLECTIVE' END AS holder_kind,
            ($3::text[])[1 + h0 % array_length($3::text[], 1)] || ' ' || ($4::text[])[1 + h1 % array_length($4::text[], 1)] || ' ' || ($5::text[])[1 + h2 % array_length($5::text[], 1)] AS person,
            $2::jsonb -> field ->> ((h3 / 10) % jsonb_array_length($2::jsonb -> field)) AS theme
     FROM s`,
    [models, JSON.stringify(THEMES), FAMILY, MIDDLE, GIVEN],
  );
  const inserted = await client.query(
    `INSERT INTO model_practice (id, name, owner_unit_id, holder_kind, person_name, field, level, first_year, last_year, recognition, recognised_on,
                                 description, results, evidence, version, created_at, updated_at)
     SELECT m.id, left(m.theme || ' (' || coalesce(u.short_name, u.name) || ')', 500), m.owner_id, m.holder_kind,
            CASE WHEN m.holder_kind = 'INDIVIDUAL' THEN m.person END, m.field, m.level, m.first_year, m.last_year, m.recognition, m.recognised_on,
            'Mô hình "Dân vận khéo" sinh cho đo hiệu năng (' || $1 || ').',
            jsonb_build_array(jsonb_build_object('indicator', 'Hộ dân tham gia', 'value', 20 + m.n % 400, 'unit', 'hộ')), '[]'::jsonb,
            1 + (m.t1 IS NOT NULL)::int + (m.t2 IS NOT NULL)::int, make_timestamptz(m.first_year, 3, 1, 8, 0, 0, 'Asia/Ho_Chi_Minh'), now()
     FROM bench_model m JOIN unit u ON u.id = m.owner_id
     ORDER BY m.n
     ON CONFLICT DO NOTHING`,
    [BY],
  );
  let changes = 0;
  // First the changes to typical, then the later ones (seq follows the order of the changes of a model).
  changes += (
    await client.query(
      `INSERT INTO model_recognition (id, model_id, from_recognition, to_recognition, recognised_on, recorded_by, created_at)
       SELECT pg_temp.uid('recognition:1:' || n), id, 'REGISTERED', 'TYPICAL', t1, $1, t1::timestamptz + interval '9 hours' FROM bench_model WHERE t1 IS NOT NULL ORDER BY n
       ON CONFLICT DO NOTHING`,
      [BY],
    )
  ).rowCount;
  changes += (
    await client.query(
      `INSERT INTO model_recognition (id, model_id, from_recognition, to_recognition, recognised_on, note, recorded_by, created_at)
       SELECT pg_temp.uid('recognition:2:' || n), id, 'TYPICAL', to2, t2, CASE WHEN to2 = 'REGISTERED' THEN 'Mô hình không còn duy trì hiệu quả' END, $1,
              t2::timestamptz + interval '9 hours'
       FROM bench_model WHERE t2 IS NOT NULL ORDER BY n
       ON CONFLICT DO NOTHING`,
      [BY],
    )
  ).rowCount;
  return { models: inserted.rowCount, changes };
}

/**
 * Seeds whatever is missing (the unit tree must be there: bench/seed-units.mjs).
 * Returns what it inserted; statistics are refreshed (VACUUM ANALYZE) when anything was.
 */
export async function seedEmulationData(pool, { rootId, models = 100_000, organisations = true, blocSize = 100 } = {}) {
  const client = await pool.connect();
  const inserted = { units: 0, sheets: 0, lines: 0, models: 0, changes: 0 };
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('danvan:bench-emulation'))`);
    for (const sql of HELPERS) await client.query(sql);
    if (organisations) inserted.units = await seedOrganisations(client);
    Object.assign(inserted, await seedEmulation(client, rootId, blocSize));
    Object.assign(inserted, await seedModels(client, models));
    await client.query('COMMIT');
    if (Object.values(inserted).some(Boolean)) {
      // As autovacuum would leave them after a while: statistics, visibility map (index-only scans).
      for (const table of [
        'unit',
        'emulation_bloc',
        'emulation_bloc_member',
        'pledge',
        'pledge_signatory',
        'criteria_set',
        'score_sheet',
        'score_line',
        'award',
        'model_practice',
        'model_recognition',
      ]) {
        await client.query(`VACUUM ANALYZE ${table}`);
      }
    }
    return inserted;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Sizes of what the benchmark reads, for the report. */
export async function dataSizes(pool, { pledgeId, provinceId, year }) {
  const one = (sql, params) => count(pool, sql, params);
  return {
    units: await one(`SELECT count(*) AS n FROM unit`),
    provinceUnits: await one(`SELECT count(*) AS n FROM unit u, unit p WHERE p.id = $1 AND u.path >= p.path AND u.path < p.path || '~'`, [
      provinceId,
    ]),
    blocs: await one(`SELECT count(*) AS n FROM emulation_bloc`),
    pledges: await one(`SELECT count(*) AS n FROM pledge`),
    signatories: await one(`SELECT count(*) AS n FROM pledge_signatory WHERE pledge_id = $1`, [pledgeId]),
    sheets: await one(`SELECT count(*) AS n FROM score_sheet`),
    lines: await one(`SELECT count(*) AS n FROM score_line`),
    pledgeLines: await one(`SELECT count(*) AS n FROM score_line l JOIN score_sheet s ON s.id = l.sheet_id WHERE s.pledge_id = $1`, [
      pledgeId,
    ]),
    pledgeCriterionLines: await one(
      `SELECT count(*) AS n FROM score_line l JOIN score_sheet s ON s.id = l.sheet_id WHERE s.pledge_id = $1 AND l.item_kind = 'CRITERION'`,
      [pledgeId],
    ),
    models: await one(`SELECT count(*) AS n FROM model_practice`),
    activeModels: await one(`SELECT count(*) AS n FROM model_practice WHERE first_year <= $1 AND (last_year IS NULL OR last_year >= $1)`, [
      year,
    ]),
    provinceModels: await one(
      `SELECT count(*) AS n FROM model_practice m JOIN unit ou ON ou.id = m.owner_unit_id, unit p
       WHERE p.id = $1 AND ou.path >= p.path AND ou.path < p.path || '~' AND m.first_year <= $2 AND (m.last_year IS NULL OR m.last_year >= $2)`,
      [provinceId, year],
    ),
    recognitions: await one(`SELECT count(*) AS n FROM model_recognition`),
    recognisedAfterYear: await one(`SELECT count(*) AS n FROM model_practice WHERE recognised_on > make_date($1, 12, 31)`, [year]),
  };
}
