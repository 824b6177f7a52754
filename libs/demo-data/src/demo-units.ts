import type { UnitKind, UnitLeader, UnitLevel, UnitStatus } from '@danvan/contracts';

/**
 * Demo units: the organisations named in the seed articles (shared/seeds), with
 * GSO administrative codes (province 2, district 3, commune 5 digits).
 * Codes follow `<ORG>-<area code>`. Parents come before their children.
 */
export interface DemoUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  level: UnitLevel;
  parentCode?: string;
  adminAreaCode?: string;
  leaders?: UnitLeader[];
  status?: UnitStatus;
  validTo?: string;
}

/** The day before district level was abolished (1/7/2025): district units end here but stay in history. */
const DISTRICT_LEVEL_END = '2025-06-30';

interface ProvinceSeed {
  area: string;
  name: string;
  borderGuard: boolean;
  leaders: Partial<Record<'TU' | 'BDV' | 'MTTQ' | 'UBND', UnitLeader[]>>;
  districts: DistrictSeed[];
  extra?: DemoUnit[];
}

interface DistrictSeed {
  area: string;
  /** Name of the locality with its type word: `huyện Tiền Hải`, `thị xã Hồng Lĩnh`. */
  locality: string;
  /** Party committee title: Huyện ủy, Thị ủy, Thành ủy. */
  committee: 'Huyện ủy' | 'Thị ủy' | 'Thành ủy';
  leaders?: Partial<Record<'HU' | 'BDV', UnitLeader[]>>;
  withFront?: boolean;
  communes?: Array<{ area: string; name: string }>;
}

const PROVINCES: ProvinceSeed[] = [
  {
    area: '93',
    name: 'Hậu Giang',
    borderGuard: false,
    leaders: { TU: [{ name: 'Trần Văn Huyến', title: 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh' }] },
    districts: [{ area: '933', locality: 'huyện Châu Thành', committee: 'Huyện ủy' }],
  },
  {
    area: '70',
    name: 'Bình Phước',
    borderGuard: true,
    leaders: {
      TU: [{ name: 'Huỳnh Thị Hằng', title: 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh' }],
      BDV: [
        {
          name: 'Lê Thị Xuân Trang',
          title: 'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh',
        },
        { name: 'Trịnh Thanh Tuệ', title: 'Phó Trưởng Ban Dân vận Tỉnh ủy' },
      ],
      MTTQ: [{ name: 'Lê Thị Xuân Trang', title: 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh' }],
    },
    districts: [
      {
        area: '698',
        locality: 'huyện Phú Riềng',
        committee: 'Huyện ủy',
        withFront: true,
        leaders: { HU: [{ name: 'Nguyễn Quốc Soài', title: 'Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện' }] },
      },
    ],
    extra: [
      {
        code: 'BVDQCLN-70',
        name: 'Ban Vận động quần chúng liên ngành tỉnh Bình Phước',
        shortName: 'BCĐ VĐQCLN tỉnh',
        kind: 'STEERING_COMMITTEE',
        level: 'PROVINCE',
        parentCode: 'TU-70',
        adminAreaCode: '70',
      },
    ],
  },
  {
    area: '42',
    name: 'Hà Tĩnh',
    borderGuard: true,
    leaders: {
      BDV: [
        { name: 'Trương Thanh Huyền', title: 'Trưởng ban Dân vận Tỉnh ủy' },
        { name: 'Ngô Văn Huỳnh', title: 'Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy' },
        { name: 'Dương Xuân Hòa', title: 'Phó Trưởng ban Dân vận Tỉnh ủy' },
      ],
      MTTQ: [{ name: 'Hoàng Anh Đức', title: 'Phó Chủ tịch Ủy ban MTTQ tỉnh' }],
      UBND: [{ name: 'Lê Ngọc Châu', title: 'Phó Chủ tịch UBND tỉnh' }],
    },
    districts: [
      { area: '440', locality: 'huyện Đức Thọ', committee: 'Huyện ủy' },
      {
        area: '443',
        locality: 'huyện Can Lộc',
        committee: 'Huyện ủy',
        leaders: { BDV: [{ name: 'Bùi Thị Kiều Nhi', title: 'Trưởng Ban Dân vận Huyện ủy' }] },
      },
      { area: '448', locality: 'huyện Lộc Hà', committee: 'Huyện ủy' },
      {
        area: '445',
        locality: 'huyện Thạch Hà',
        committee: 'Huyện ủy',
        leaders: { BDV: [{ name: 'Lê Văn Sơn', title: 'Trưởng Ban Dân vận Huyện ủy' }] },
      },
      { area: '449', locality: 'thị xã Kỳ Anh', committee: 'Thị ủy' },
      { area: '436', locality: 'thành phố Hà Tĩnh', committee: 'Thành ủy' },
      { area: '437', locality: 'thị xã Hồng Lĩnh', committee: 'Thị ủy' },
    ],
  },
  {
    area: '34',
    name: 'Thái Bình',
    borderGuard: true,
    leaders: { BDV: [{ name: 'Nguyễn Tiến Thành', title: 'Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy' }] },
    districts: [{ area: '342', locality: 'huyện Tiền Hải', committee: 'Huyện ủy', withFront: true }],
  },
  {
    area: '87',
    name: 'Đồng Tháp',
    borderGuard: true,
    leaders: {},
    districts: [
      {
        area: '875',
        locality: 'huyện Lấp Vò',
        committee: 'Huyện ủy',
        withFront: true,
        communes: [
          { area: '30175', name: 'Tân Mỹ' },
          { area: '30181', name: 'Tân Khánh Trung' },
          { area: '30172', name: 'Mỹ An Hưng A' },
        ],
      },
    ],
  },
];

const CENTRAL: DemoUnit[] = [
  { code: 'BCHTW', name: 'Ban Chấp hành Trung ương Đảng', shortName: 'BCHTW', kind: 'PARTY_COMMITTEE', level: 'CENTRAL' },
  {
    code: 'BDV-TW',
    name: 'Ban Dân vận Trung ương',
    shortName: 'BDVTW',
    kind: 'MASS_MOBILISATION_COMMISSION',
    level: 'CENTRAL',
    parentCode: 'BCHTW',
    leaders: [{ name: 'Nguyễn Văn Hùng', title: 'Phó Trưởng ban Dân vận Trung ương' }],
  },
  {
    code: 'BDV-TW-T78',
    name: 'Cơ quan Thường trực Ban Dân vận Trung ương tại TP. Hồ Chí Minh',
    shortName: 'T78',
    kind: 'MASS_MOBILISATION_COMMISSION',
    level: 'CENTRAL',
    parentCode: 'BDV-TW',
    leaders: [{ name: 'Cao Hồng Hưng', title: 'Phó Vụ trưởng' }],
  },
  {
    code: 'BCD-TW-NQ25',
    name: 'Ban Chỉ đạo Trung ương kiểm tra thực hiện Nghị quyết 25-NQ/TW về công tác dân vận',
    shortName: 'BCĐ TW',
    kind: 'STEERING_COMMITTEE',
    level: 'CENTRAL',
    parentCode: 'BDV-TW',
  },
];

function provinceUnits(p: ProvinceSeed): DemoUnit[] {
  const a = p.area;
  const tu = `TU-${a}`;
  const under = (code: string, name: string, shortName: string, kind: UnitKind, leaders?: UnitLeader[]): DemoUnit => ({
    code: `${code}-${a}`,
    name,
    shortName,
    kind,
    level: 'PROVINCE',
    parentCode: tu,
    adminAreaCode: a,
    ...(leaders ? { leaders } : {}),
  });
  const units: DemoUnit[] = [
    {
      code: tu,
      name: `Tỉnh ủy ${p.name}`,
      shortName: 'TU',
      kind: 'PARTY_COMMITTEE',
      level: 'PROVINCE',
      parentCode: 'BCHTW',
      adminAreaCode: a,
      leaders: p.leaders.TU,
    },
    under('BDV', `Ban Dân vận Tỉnh ủy ${p.name}`, 'BDVTU', 'MASS_MOBILISATION_COMMISSION', p.leaders.BDV),
    under('MTTQ', `Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${p.name}`, 'UBMTTQVN tỉnh', 'FATHERLAND_FRONT', p.leaders.MTTQ),
    under('HND', `Hội Nông dân tỉnh ${p.name}`, 'HND tỉnh', 'MASS_ORGANISATION'),
    under('HLHPN', `Hội Liên hiệp Phụ nữ tỉnh ${p.name}`, 'HLHPN tỉnh', 'MASS_ORGANISATION'),
    under('DTN', `Tỉnh đoàn ${p.name}`, 'Tỉnh đoàn', 'MASS_ORGANISATION'),
    under('HCCB', `Hội Cựu chiến binh tỉnh ${p.name}`, 'HCCB tỉnh', 'MASS_ORGANISATION'),
    under('LDLD', `Liên đoàn Lao động tỉnh ${p.name}`, 'LĐLĐ tỉnh', 'MASS_ORGANISATION'),
    under('CHQS', `Bộ Chỉ huy Quân sự tỉnh ${p.name}`, 'BCHQS tỉnh', 'ARMED_FORCES'),
    under('CA', `Công an tỉnh ${p.name}`, 'CA tỉnh', 'ARMED_FORCES'),
    ...(p.borderGuard ? [under('BDBP', `Bộ Chỉ huy Bộ đội Biên phòng tỉnh ${p.name}`, 'BĐBP tỉnh', 'ARMED_FORCES')] : []),
    under('HDND', `Hội đồng nhân dân tỉnh ${p.name}`, 'HĐND tỉnh', 'STATE_AGENCY'),
    under('UBND', `Ủy ban nhân dân tỉnh ${p.name}`, 'UBND tỉnh', 'STATE_AGENCY', p.leaders.UBND),
    under('BCD-QCDC', `Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh ${p.name}`, 'BCĐ QCDC tỉnh', 'STEERING_COMMITTEE'),
  ];
  for (const d of p.districts) units.push(...districtUnits(tu, d));
  return [...units, ...(p.extra ?? [])];
}

function districtUnits(provinceCommittee: string, d: DistrictSeed): DemoUnit[] {
  const place = d.locality.replace(/^(huyện|thị xã|thành phố) /, '');
  const ended = { status: 'DISSOLVED' as const, validTo: DISTRICT_LEVEL_END };
  const hu = `HU-${d.area}`;
  const base = { level: 'DISTRICT' as const, adminAreaCode: d.area, ...ended };
  const units: DemoUnit[] = [
    {
      ...base,
      code: hu,
      name: `${d.committee} ${place}`,
      shortName: `${abbreviation(d.committee)} ${place}`,
      kind: 'PARTY_COMMITTEE',
      parentCode: provinceCommittee,
      leaders: d.leaders?.HU,
    },
    {
      ...base,
      code: `BDV-${d.area}`,
      name: `Ban Dân vận ${d.committee} ${place}`,
      shortName: `BDV${abbreviation(d.committee)}`,
      kind: 'MASS_MOBILISATION_COMMISSION',
      parentCode: hu,
      leaders: d.leaders?.BDV,
    },
  ];
  if (d.withFront) {
    units.push({
      ...base,
      code: `MTTQ-${d.area}`,
      name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${d.locality}`,
      shortName: 'UBMTTQVN huyện',
      kind: 'FATHERLAND_FRONT',
      parentCode: hu,
    });
  }
  for (const c of d.communes ?? []) {
    units.push(
      {
        code: `DU-${c.area}`,
        name: `Đảng ủy xã ${c.name}`,
        shortName: `ĐU ${c.name}`,
        kind: 'PARTY_COMMITTEE',
        level: 'COMMUNE',
        parentCode: hu,
        adminAreaCode: c.area,
      },
      {
        code: `MTTQ-${c.area}`,
        name: `Ủy ban Mặt trận Tổ quốc Việt Nam xã ${c.name}`,
        shortName: 'UBMTTQ xã',
        kind: 'FATHERLAND_FRONT',
        level: 'COMMUNE',
        parentCode: `DU-${c.area}`,
        adminAreaCode: c.area,
      },
    );
  }
  return units;
}

function abbreviation(committee: DistrictSeed['committee']): string {
  return { 'Huyện ủy': 'HU', 'Thị ủy': 'TXU', 'Thành ủy': 'ThU' }[committee];
}

/** Every demo unit, parents first. */
export const DEMO_UNITS: DemoUnit[] = [...CENTRAL, ...PROVINCES.flatMap(provinceUnits)];
