import { REVIEW_STEPS, scorableItems, type CriteriaSetContent } from '@danvan/contracts';
import { DomainError, RequestContext } from '@danvan/core';
import { Database, inTransaction, isDataLoaded, recordDataLoad } from '@danvan/database';
import type { DocumentService } from '@danvan/documents';
import { type BlocService, type CriteriaSetInput, type MovementService, type PledgeService, type ScoringService } from '@danvan/emulation';
import type { UnitService } from '@danvan/units';

/** Name under which the demo emulation data is recorded in `data_load`. */
export const DEMO_EMULATION_DATA_SET = 'demo-emulation-2024';

export interface EmulationServices {
  units: UnitService;
  documents: DocumentService;
  movements: MovementService;
  blocs: BlocService;
  pledges: PledgeService;
  scoring: ScoringService;
}

/** A Ban Dân vận criteria set in the usual shape: three groups, bonus and deduction items, four bands. */
export const DEMO_CRITERIA: CriteriaSetContent = {
  groups: [
    {
      code: 'I',
      title: 'Công tác tham mưu, hướng dẫn',
      criteria: [
        { code: '1', title: 'Tham mưu cấp ủy ban hành nghị quyết, chỉ thị, kết luận về công tác dân vận', maxScore: 10 },
        { code: '2', title: 'Hướng dẫn, kiểm tra, sơ kết, tổng kết', maxScore: 10 },
        { code: '3', title: 'Nắm tình hình nhân dân, báo cáo định kỳ và đột xuất', maxScore: 10 },
      ],
    },
    {
      code: 'II',
      title: 'Thực hiện nhiệm vụ trọng tâm',
      criteria: [
        {
          code: '4',
          title: 'Phong trào thi đua "Dân vận khéo"',
          maxScore: 20,
          subCriteria: [
            { code: '4.a', title: 'Xây dựng mô hình mới', maxScore: 12 },
            { code: '4.b', title: 'Nhân rộng điển hình', maxScore: 8 },
          ],
        },
        { code: '5', title: 'Công tác dân vận chính quyền, thực hiện Quy chế dân chủ ở cơ sở', maxScore: 15 },
        { code: '6', title: 'Phối hợp với Mặt trận Tổ quốc và các đoàn thể', maxScore: 15 },
      ],
    },
    {
      code: 'III',
      title: 'Xây dựng cơ quan, đơn vị',
      criteria: [
        { code: '7', title: 'Xây dựng tổ chức bộ máy, đội ngũ cán bộ', maxScore: 10 },
        { code: '8', title: 'Thực hiện chế độ thông tin, báo cáo', maxScore: 10 },
      ],
    },
  ],
  bonusItems: [
    { code: 'C1', title: 'Mô hình, cách làm mới được cấp trên khen thưởng', maxScore: 3 },
    { code: 'C2', title: 'Hoàn thành xuất sắc nhiệm vụ đột phá', maxScore: 2 },
  ],
  bonusCap: 5,
  deductionItems: [
    { code: 'T1', title: 'Báo cáo chậm, thiếu', maxScore: 2 },
    { code: 'T2', title: 'Cán bộ vi phạm kỷ luật', maxScore: 5 },
  ],
  deductionCap: 5,
  bands: [
    { name: 'Xuất sắc', minScore: 95 },
    { name: 'Tốt', minScore: 85 },
    { name: 'Khá', minScore: 70 },
    { name: 'Chưa đạt', minScore: 0 },
  ],
};

interface DemoPledge {
  year: number;
  blocName: string;
  ownerCode: string;
  memberCodes: string[];
  headCode: string;
  deputyCode: string;
  title: string;
  documents: Array<{ number: string; issuedOn: string; title: string }>;
  signedOn: string;
  signingEvent: string;
  signingPlace: string;
  breakthrough?: [number, number];
  /** How far the demo takes it. */
  until: 'REGISTRATION_OPEN' | 'FINALISED';
  /** Self-scores as a share of each maximum, by member (in memberCodes order): ranks follow from them. */
  performance?: number[];
}

/** From the seeds: Bình Phước 2024 (signed at Phú Riềng), Hậu Giang 2023 (flags to the first three), Hà Tĩnh 2020 (7 collectives). */
export const DEMO_PLEDGES: DemoPledge[] = [
  {
    year: 2024,
    blocName: 'Khối thi đua ngành Dân vận tỉnh Bình Phước',
    ownerCode: 'BDV-70',
    memberCodes: ['BDV-698', 'MTTQ-70', 'HND-70', 'HLHPN-70', 'DTN-70', 'HCCB-70', 'LDLD-70'],
    headCode: 'MTTQ-70',
    deputyCode: 'BDV-698',
    title: 'Giao ước thi đua năm 2024 trong hệ thống ngành Dân vận tỉnh Bình Phước',
    documents: [
      {
        number: '151-KH/BDVTU',
        issuedOn: '2023-12-21',
        title: 'Kế hoạch tổ chức Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024 và ký kết giao ước thi đua',
      },
      {
        number: '17-CTr/TU',
        issuedOn: '2021-03-10',
        title: 'Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại hội XIII của Đảng',
      },
      { number: '93-KH/TU', issuedOn: '2022-06-25', title: 'Kế hoạch của Tỉnh ủy về công tác dân vận' },
    ],
    signedOn: '2024-01-12',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024',
    signingPlace: 'Huyện Phú Riềng',
    breakthrough: [3, 5],
    until: 'REGISTRATION_OPEN',
  },
  {
    year: 2023,
    blocName: 'Khối thi đua ngành Dân vận tỉnh Hậu Giang',
    ownerCode: 'BDV-93',
    memberCodes: ['MTTQ-93', 'HND-93', 'HLHPN-93', 'DTN-93', 'HCCB-93', 'LDLD-93', 'BDV-933'],
    headCode: 'MTTQ-93',
    deputyCode: 'HLHPN-93',
    title: 'Giao ước thi đua năm 2023 khối Dân vận tỉnh Hậu Giang',
    documents: [],
    signedOn: '2023-01-06',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2022',
    signingPlace: 'Thành phố Vị Thanh',
    until: 'FINALISED',
    performance: [0.97, 0.95, 0.93, 0.9, 0.88, 0.86, 0.84],
  },
  {
    year: 2020,
    blocName: 'Khối thi đua Ban Dân vận các huyện, thị, thành ủy tỉnh Hà Tĩnh',
    ownerCode: 'BDV-42',
    memberCodes: ['BDV-440', 'BDV-443', 'BDV-448', 'BDV-445', 'BDV-449', 'BDV-436', 'BDV-437'],
    headCode: 'BDV-436',
    deputyCode: 'BDV-443',
    title: 'Giao ước thi đua năm 2020 khối Ban Dân vận cấp huyện tỉnh Hà Tĩnh',
    documents: [],
    signedOn: '2020-01-08',
    signingEvent: 'Hội nghị tổng kết công tác dân vận năm 2019',
    signingPlace: 'Thành phố Hà Tĩnh',
    until: 'FINALISED',
    performance: [0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.9],
  },
];

/**
 * The three reviewers of the demo reviews, one per step of REVIEW_STEPS (each
 * step must be accepted by a different person): system callers with a fixed id
 * each, so the review log names who accepted which step.
 */
export const DEMO_REVIEWERS = [
  { id: '5e1f0000-0000-4000-8000-000000000001', label: `${REVIEW_STEPS[0].label} (dữ liệu mẫu)` },
  { id: '5e1f0000-0000-4000-8000-000000000002', label: `${REVIEW_STEPS[1].label} (dữ liệu mẫu)` },
  { id: '5e1f0000-0000-4000-8000-000000000003', label: `${REVIEW_STEPS[2].label} (dữ liệu mẫu)` },
] as const;

/** Input form of the demo criteria (what the GraphQL mutation would receive). */
function criteriaInput(): CriteriaSetInput {
  return structuredClone(DEMO_CRITERIA) as unknown as CriteriaSetInput;
}

/**
 * Loads the demo emulation data once, through the services (every rule
 * applies), in one transaction, recorded in `data_load`: documents, the
 * "Dân vận khéo" movement, three blocs and their pledges taken as far as the
 * seeds report (Hậu Giang 2023 and Hà Tĩnh 2020 scored, reviewed, finalised).
 */
export async function loadDemoEmulation(
  database: Database,
  services: EmulationServices,
): Promise<{ status: 'loaded'; pledges: number } | { status: 'already-loaded' }> {
  return database
    .exclusively('demo-emulation', () =>
      inTransaction(database, RequestContext.system('demo-data'), async (tx) => {
        if (await isDataLoaded(tx, DEMO_EMULATION_DATA_SET)) return { status: 'already-loaded' } as const;
        const unit = async (code: string) => {
          const found = await services.units.findByCode(tx, code);
          if (!found) throw new Error(`demo emulation: unit ${code} is missing (load the demo units first)`);
          return found;
        };
        // The loader's own context, acting as each reviewer in turn (same transaction).
        const reviewers = DEMO_REVIEWERS.map(
          (r) => new RequestContext(tx.requestId, { ...tx.caller, id: r.id, label: r.label }, tx.manager),
        );
        const central = await unit('BDV-TW');
        const resolution25 = await services.documents.create(tx, {
          number: '25-NQ/TW',
          issuedOn: '2013-06-03',
          title:
            'Nghị quyết Hội nghị Trung ương 7 khóa XI về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới',
          ownerUnitId: central.id,
        });
        const movement = await services.movements.create(tx, {
          name: 'Phong trào thi đua "Dân vận khéo"',
          kind: 'REGULAR',
          launchedByUnitId: central.id,
          startsOn: '2009-01-01',
          description:
            'Phong trào thi đua "Dân vận khéo" trong hệ thống chính trị, với các mô hình, điển hình trên các lĩnh vực kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng hệ thống chính trị.',
          legalBasisIds: [resolution25.id],
        });
        for (const demo of DEMO_PLEDGES) {
          const owner = await unit(demo.ownerCode);
          const members = [];
          for (const code of demo.memberCodes) members.push(await unit(code)); // one transaction: one statement at a time
          const byCode = new Map(members.map((m, i) => [demo.memberCodes[i], m]));
          const documentIds: string[] = [];
          for (const doc of demo.documents) documentIds.push((await services.documents.create(tx, { ...doc, ownerUnitId: owner.id })).id);
          const bloc = await services.blocs.create(tx, {
            year: demo.year,
            name: demo.blocName,
            ownerUnitId: owner.id,
            movementId: movement.id,
            memberIds: members.map((m) => m.id),
            headUnitId: byCode.get(demo.headCode)?.id,
            deputyUnitId: byCode.get(demo.deputyCode)?.id,
          });
          let pledge = await services.pledges.create(tx, {
            blocId: bloc.id,
            title: demo.title,
            documentIds,
            breakthroughMin: demo.breakthrough?.[0] ?? null,
            breakthroughMax: demo.breakthrough?.[1] ?? null,
            criteria: criteriaInput(),
          });
          pledge = await services.pledges.sign(tx, pledge.id, pledge.version, {
            signedOn: demo.signedOn,
            signingEvent: demo.signingEvent,
            signingPlace: demo.signingPlace,
          });
          pledge = await services.pledges.advance(tx, pledge.id, pledge.version, 'REGISTRATION_OPEN');
          const tasks = [
            'Chuyển đổi số trong công tác dân vận',
            'Nâng cao chất lượng tiếp xúc, đối thoại với nhân dân',
            'Xây dựng mô hình "Dân vận khéo" gắn với xây dựng nông thôn mới',
          ];
          const registering = demo.until === 'FINALISED' ? members : members.slice(0, 3);
          for (const m of registering) {
            await services.pledges.register(tx, pledge.id, m.id, null, {
              targets: [
                { title: 'Xây dựng mô hình "Dân vận khéo" mới', measure: '2 mô hình' },
                { title: 'Tổ chức tiếp xúc, đối thoại với nhân dân', measure: '4 cuộc' },
              ],
              breakthroughTasks: demo.breakthrough ? tasks.slice(0, demo.breakthrough[0]) : [],
            });
          }
          if (demo.until !== 'FINALISED') continue;
          pledge = await services.pledges.advance(tx, pledge.id, (await services.pledges.get(tx, pledge.id)).version, 'SCORING_OPEN');
          const items = scorableItems(DEMO_CRITERIA);
          for (const [i, m] of members.entries()) {
            const share = demo.performance?.[i] ?? 0.9;
            const scores = items
              .filter((item) => item.kind === 'CRITERION')
              .map((item) => ({ itemCode: item.code, score: Math.round(item.maxScore * share * 2) / 2 }));
            if (i === 0) scores.push({ itemCode: 'C1', score: 3 });
            if (i === members.length - 1) scores.push({ itemCode: 'T1', score: 1 });
            let sheet = await services.scoring.saveSelfScores(tx, pledge.id, m.id, null, scores);
            sheet = await services.scoring.submit(tx, pledge.id, m.id, sheet.version);
            for (const reviewer of reviewers)
              sheet = await services.scoring.decide(reviewer, pledge.id, m.id, sheet.version, 'ACCEPT', null);
          }
          pledge = await services.pledges.advance(tx, pledge.id, (await services.pledges.get(tx, pledge.id)).version, 'UNDER_REVIEW');
          await services.pledges.advance(tx, pledge.id, pledge.version, 'FINALISED');
        }
        await recordDataLoad(tx, DEMO_EMULATION_DATA_SET);
        return { status: 'loaded', pledges: DEMO_PLEDGES.length } as const;
      }),
    )
    .catch((error: unknown) => {
      if (error instanceof DomainError)
        throw new Error(`demo emulation data refused by a rule: ${error.message} ${JSON.stringify(error.fields)}`);
      throw error;
    });
}
