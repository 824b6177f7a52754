/**
 * A synthetic national tree of party committees for the read benchmark:
 * 1 central root → 63 provinces and centrally-run cities (real GSO codes) → 8–14
 * districts each (11 on average) → 10–18 communes each (14 on average):
 * 1 + 63 + 693 + 9,702 = 10,459 units.
 *
 * Ids are derived from the codes (name-based UUIDs), so a rerun produces the
 * same rows and `ON CONFLICT DO NOTHING` makes seeding idempotent; it also
 * completes a seed that was interrupted. Inserted level by level, each level
 * one set-based INSERT … SELECT FROM unnest(…), all in one transaction.
 */
import { createHash } from 'node:crypto';

/** [GSO code, name, centrally-run city] of the 63 provinces and cities (before the 2025 merger). */
const PROVINCES = [
  ['01', 'Hà Nội', true],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng', true],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
  ['48', 'Đà Nẵng', true],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa - Vũng Tàu'],
  ['79', 'Hồ Chí Minh', true],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ', true],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
];
/** Provinces re-established on 1/1/2004 (the others date here from the 1997 re-division). */
const SINCE_2004 = new Set(['11', '12', '67', '93']);

const FIRST = [
  'Yên',
  'Tân',
  'Phú',
  'Bình',
  'Hòa',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Thạch',
  'Vĩnh',
  'Quảng',
  'Hưng',
  'Thanh',
  'Kim',
  'Mỹ',
  'Long',
  'An',
  'Thuận',
  'Gia',
  'Cẩm',
  'Đức',
  'Hải',
  'Lạc',
  'Xuân',
  'Trung',
  'Thái',
  'Hoàng',
  'Phước',
  'Châu',
  'Ngọc',
];
const SECOND = [
  'Lạc',
  'Sơn',
  'Thành',
  'Hưng',
  'Bình',
  'Phong',
  'Lộc',
  'Hà',
  'Xuân',
  'Mỹ',
  'Định',
  'Hòa',
  'Phước',
  'Lâm',
  'Thủy',
  'Ninh',
  'Lập',
  'Tiến',
  'Lợi',
  'Nghĩa',
  'Hiệp',
  'Khánh',
  'Thịnh',
  'Trạch',
  'Điền',
  'Quang',
  'Đồng',
  'Minh',
  'Phú',
];
/** Family, middle and given names of the leaders (family and given also of the models' authors, bench/seed-emulation.mjs). */
export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Hồng', 'Ngọc', 'Xuân', 'Hữu'];
export const GIVEN = [
  'Hùng',
  'Lan',
  'Tuấn',
  'Hải',
  'Dũng',
  'Hương',
  'Sơn',
  'Thành',
  'Hà',
  'Long',
  'Phương',
  'Nam',
  'Trang',
  'Bình',
  'Quang',
  'Huyền',
  'Khoa',
  'Tâm',
  'Vinh',
];

export const CODE_PREFIX = 'BENCH-';

/**
 * A name-based UUID of `key`: the `algorithm` hash of `danvan-bench:<key>` in the layout of a UUID of `version`
 * (5 over SHA-1 for the units here, 3 over MD5 in bench/seed-emulation.mjs): the same key always gets the same id.
 */
export function nameBasedUuid(algorithm, version, key) {
  const h = createHash(algorithm).update(`danvan-bench:${key}`).digest();
  h[6] = (h[6] & 0x0f) | (version << 4);
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The id of a unit code (v5 layout over SHA-1). */
const idOf = (code) => nameBasedUuid('sha1', 5, code);

const pick = (list, n) => list[n % list.length];

function placeName(n) {
  const first = pick(FIRST, n * 7 + 3);
  let second = pick(SECOND, n * 11 + Math.floor(n / FIRST.length));
  if (second === first) second = pick(SECOND, n * 11 + 1);
  return `${first} ${second}`;
}

function leader(n, title) {
  return [{ name: `${pick(FAMILY, n * 5)} ${pick(MIDDLE, n * 3 + 1)} ${pick(GIVEN, n * 7 + 2)}`, title }];
}

/**
 * Every unit of the tree, parents before children, grouped by level. With
 * `provinces`, only the first ones (smoke mode): a subset of the full tree, same ids.
 */
export function buildTree({ provinces = PROVINCES.length } = {}) {
  const rootCode = `${CODE_PREFIX}TW`;
  const root = {
    id: idOf(rootCode),
    code: rootCode,
    name: 'Ban Chấp hành Trung ương Đảng',
    shortName: 'BCHTW',
    kind: 'PARTY_COMMITTEE',
    level: 'CENTRAL',
    parentId: null,
    path: `/${idOf(rootCode)}/`,
    adminAreaCode: null,
    leaders: [],
    validFrom: '1930-02-03',
  };
  const levels = { CENTRAL: [root], PROVINCE: [], DISTRICT: [], COMMUNE: [] };
  let districtNo = 0;
  let communeNo = 0;
  PROVINCES.slice(0, provinces).forEach(([area, provinceName, city = false], p) => {
    const committee = city ? 'Thành ủy' : 'Tỉnh ủy';
    const displayName = area === '79' ? 'Thành phố Hồ Chí Minh' : provinceName;
    const code = `${CODE_PREFIX}TU-${area}`;
    const province = {
      id: idOf(code),
      code,
      name: `${committee} ${displayName}`,
      shortName: city ? 'ThU' : 'TU',
      kind: 'PARTY_COMMITTEE',
      level: 'PROVINCE',
      parentId: root.id,
      adminAreaCode: area,
      leaders: leader(p, `Bí thư ${committee}`),
      validFrom: area === '01' ? '2008-08-01' : SINCE_2004.has(area) ? '2004-01-01' : '1997-01-01',
    };
    province.path = `${root.path}${province.id}/`;
    levels.PROVINCE.push(province);
    const districts = 8 + ((p * 5 + 3) % 7); // 8–14, 11 on average over the 63 provinces
    for (let d = 0; d < districts; d++) {
      districtNo++;
      const districtArea = String(districtNo).padStart(3, '0');
      // The provincial capital first, then (cities) urban districts, a town, rural districts.
      const [locality, districtCommittee, urban] =
        d === 0 && !city
          ? [`thành phố ${provinceName}`, 'Thành ủy', true]
          : city && d < districts / 2
            ? [`quận ${placeName(districtNo)}`, 'Quận ủy', true]
            : d === 1
              ? [`thị xã ${placeName(districtNo)}`, 'Thị ủy', true]
              : [`huyện ${placeName(districtNo)}`, 'Huyện ủy', false];
      const place = locality.replace(/^(huyện|quận|thị xã|thành phố) /, '');
      const districtCode = `${CODE_PREFIX}HU-${districtArea}`;
      const district = {
        id: idOf(districtCode),
        code: districtCode,
        name: `${districtCommittee} ${place}`,
        shortName: `${{ 'Huyện ủy': 'HU', 'Quận ủy': 'QU', 'Thị ủy': 'TXU', 'Thành ủy': 'ThU' }[districtCommittee]} ${place}`.slice(0, 64),
        kind: 'PARTY_COMMITTEE',
        level: 'DISTRICT',
        parentId: province.id,
        adminAreaCode: districtArea,
        leaders: leader(districtNo, `Bí thư ${districtCommittee}`),
        validFrom: '2020-10-01',
      };
      district.path = `${province.path}${district.id}/`;
      levels.DISTRICT.push(district);
      const communes = 10 + ((districtNo * 7 + 1) % 9); // 10–18, 14 on average
      for (let c = 0; c < communes; c++) {
        communeNo++;
        const communeArea = String(communeNo).padStart(5, '0');
        const type = urban ? 'phường' : c === 0 ? 'thị trấn' : 'xã';
        const communeName = placeName(communeNo + 101);
        const communeCode = `${CODE_PREFIX}DU-${communeArea}`;
        const commune = {
          id: idOf(communeCode),
          code: communeCode,
          name: `Đảng ủy ${type} ${communeName}`,
          shortName: `ĐU ${communeName}`,
          kind: 'PARTY_COMMITTEE',
          level: 'COMMUNE',
          parentId: district.id,
          adminAreaCode: communeArea,
          leaders: leader(communeNo, `Bí thư Đảng ủy ${type}`),
          validFrom: communeNo % 3 === 0 ? '2020-01-01' : null,
        };
        commune.path = `${district.path}${commune.id}/`;
        levels.COMMUNE.push(commune);
      }
    }
  });
  return levels;
}

const INSERT = `
  INSERT INTO unit (id, code, name, short_name, kind, level, parent_id, path, depth, admin_area_code, leaders, status, valid_from)
  SELECT t.id, t.code, t.name, t.short_name, t.kind, t.level, t.parent_id, t.path,
         array_length(string_to_array(trim(both '/' from t.path), '/'), 1), t.admin_area_code, t.leaders, 'ACTIVE', t.valid_from
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::jsonb[], $11::date[])
       AS t(id, code, name, short_name, kind, level, parent_id, path, admin_area_code, leaders, valid_from)
  ON CONFLICT DO NOTHING`;

/**
 * Seeds the tree (of `provinces` provinces, all by default) unless the unit
 * table already holds `minimum` units. Returns { before, inserted, total }.
 */
export async function seedUnits(pool, { minimum = 10_000, provinces } = {}) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('danvan:unit-tree'))`);
    const before = Number((await client.query('SELECT count(*) AS n FROM unit')).rows[0].n);
    let inserted = 0;
    if (before < minimum) {
      const levels = buildTree({ provinces });
      for (const units of Object.values(levels)) {
        const result = await client.query(INSERT, [
          units.map((u) => u.id),
          units.map((u) => u.code),
          units.map((u) => u.name),
          units.map((u) => u.shortName),
          units.map((u) => u.kind),
          units.map((u) => u.level),
          units.map((u) => u.parentId),
          units.map((u) => u.path),
          units.map((u) => u.adminAreaCode),
          units.map((u) => JSON.stringify(u.leaders)),
          units.map((u) => u.validFrom),
        ]);
        inserted += result.rowCount;
      }
    }
    await client.query('COMMIT');
    if (inserted) await client.query('ANALYZE unit; ANALYZE unit_successor');
    const total = Number((await client.query('SELECT count(*) AS n FROM unit')).rows[0].n);
    return { before, inserted, total };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
