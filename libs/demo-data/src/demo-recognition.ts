import type { ModelField } from '@danvan/contracts';
import { RequestContext } from '@danvan/core';
import { Database, inTransaction, isDataLoaded, managerOf, recordDataLoad } from '@danvan/database';
import type { PledgeService, ScoringService } from '@danvan/emulation';
import type { ModelService } from '@danvan/recognition';
import type { UnitService } from '@danvan/units';

/** Name under which the demo awards and models are recorded in `data_load`. */
export const DEMO_RECOGNITION_DATA_SET = 'demo-recognition-2024';

export interface RecognitionServices {
  units: UnitService;
  pledges: PledgeService;
  scoring: ScoringService;
  models: ModelService;
}

/** Tiền Hải (Thái Bình), 2017: 106 typical and 9 excellent "Dân vận khéo" models (the seed's figures), plus registered ones. */
export const TIEN_HAI_MODELS = { year: 2017, typical: 106, excellent: 9, registered: 24 } as const;

const FIELDS: ModelField[] = ['ECONOMY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'POLITICAL_SYSTEM'];
const THEMES: Record<ModelField, string[]> = {
  ECONOMY: [
    'Hiến đất làm đường giao thông nông thôn',
    'Tổ hợp tác sản xuất lúa chất lượng cao',
    'Chi hội nông dân giúp nhau thoát nghèo',
    'Cánh đồng mẫu lớn',
  ],
  CULTURE_SOCIETY: [
    'Khu dân cư văn hóa, sạch đẹp',
    'Câu lạc bộ dưỡng sinh người cao tuổi',
    'Quỹ khuyến học dòng họ',
    'Tuyến đường hoa kiểu mẫu',
  ],
  DEFENCE_SECURITY: ['Tổ an ninh tự quản', 'Camera an ninh khu dân cư', 'Tổ hòa giải ở cơ sở', 'Xóm không có tội phạm'],
  POLITICAL_SYSTEM: ['Đối thoại trực tiếp với nhân dân', 'Chi bộ gắn với dân', 'Tiếp công dân định kỳ', 'Cán bộ bám địa bàn'],
};

/**
 * Loads the demo awards and models once (after the emulation demo): the
 * Hậu Giang 2023 flags to the first, second and third, the 7 Hà Tĩnh 2020
 * collectives with a certificate of merit (giấy khen), and a generated sample
 * of Tiền Hải's "Dân vận khéo" models that reproduces the seed's figures.
 */
export async function loadDemoRecognition(
  database: Database,
  services: RecognitionServices,
): Promise<{ status: 'loaded'; awards: number; models: number } | { status: 'already-loaded' }> {
  return database.exclusively('demo-recognition', () =>
    inTransaction(database, RequestContext.system('demo-data'), async (tx) => {
      const db = managerOf(database, tx);
      if (await isDataLoaded(tx, DEMO_RECOGNITION_DATA_SET)) return { status: 'already-loaded' } as const;
      const unit = async (code: string) => {
        const found = await services.units.findByCode(tx, code);
        if (!found) throw new Error(`demo recognition: unit ${code} is missing (load the demo units first)`);
        return found;
      };
      const titleId = async (code: string) =>
        ((await db.query(`SELECT id FROM award_title_directory WHERE code = $1`, [code])) as Array<{ id: string }>)[0].id;
      const pledgeOf = async (year: number) => (await services.pledges.list(tx, { filter: { year } })).items[0];

      let awards = 0;
      const hauGiang = await pledgeOf(2023);
      awards += (
        await services.scoring.awardsFromRanking(tx, hauGiang.id, {
          awardTitleId: await titleId('CO_THI_DUA_BO_TINH'),
          issuerUnitId: (await unit('UBND-93')).id,
          decidedOn: '2024-01-03',
          top: 3,
        })
      ).length;
      const haTinh = await pledgeOf(2020);
      awards += (
        await services.scoring.awardsFromRanking(tx, haTinh.id, {
          formId: await titleId('GIAY_KHEN'),
          issuerUnitId: (await unit('BDV-42')).id,
          decidedOn: '2020-12-29',
          top: 7,
        })
      ).length;

      const owners = [await unit('BDV-342'), await unit('MTTQ-342'), await unit('HU-342')]; // one transaction: one statement at a time
      const plan: Array<'REGISTERED' | 'TYPICAL' | 'EXCELLENT'> = [
        ...Array<'EXCELLENT'>(TIEN_HAI_MODELS.excellent).fill('EXCELLENT'),
        ...Array<'TYPICAL'>(TIEN_HAI_MODELS.typical).fill('TYPICAL'),
        ...Array<'REGISTERED'>(TIEN_HAI_MODELS.registered).fill('REGISTERED'),
      ];
      for (const [i, recognition] of plan.entries()) {
        const field = FIELDS[i % FIELDS.length];
        const themes = THEMES[field];
        let model = await services.models.create(tx, {
          name: `${themes[Math.floor(i / FIELDS.length) % themes.length]} (mô hình số ${i + 1})`,
          ownerUnitId: owners[i % owners.length].id,
          holderKind: 'COLLECTIVE',
          field,
          firstYear: TIEN_HAI_MODELS.year,
          description: 'Mô hình "Dân vận khéo" đăng ký trong năm, do cán bộ, đảng viên và nhân dân cùng thực hiện.',
          results: field === 'ECONOMY' && i % 8 === 0 ? [{ indicator: 'Đất hiến làm đường', value: 4685, unit: 'm²' }] : [],
        });
        if (recognition !== 'REGISTERED') {
          model = await services.models.recognise(tx, model.id, model.version, { recognition: 'TYPICAL', recognisedOn: '2017-11-20' });
        }
        if (recognition === 'EXCELLENT') {
          await services.models.recognise(tx, model.id, model.version, { recognition: 'EXCELLENT', recognisedOn: '2017-12-15' });
        }
      }
      await recordDataLoad(tx, DEMO_RECOGNITION_DATA_SET);
      return { status: 'loaded', awards, models: plan.length } as const;
    }),
  );
}
