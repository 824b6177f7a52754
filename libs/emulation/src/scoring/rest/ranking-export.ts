import { isoDateInVietnam, renderXlsxTable, vnDate, type XlsxColumn } from '@danvan/core';
import { SCORE_SHEET_STATUS_LABELS } from '@danvan/contracts';
import type { PledgeView } from '../../pledges/dto/pledge.view.js';
import type { RankingRowView, RankingView } from '../dto/ranking.view.js';

const score = (n: number | null) => (n === null ? null : n);

/** The printed ranking of a bloc: rank, unit, points, classification, with the tie rule under the title. */
export function renderRankingWorkbook(pledge: PledgeView, ranking: RankingView, today: Date): Promise<Buffer> {
  const columns: Array<XlsxColumn<RankingRowView>> = [
    { header: 'Hạng', width: 7, value: (r) => r.rank },
    { header: 'Đơn vị', width: 44, value: (r) => r.unit.name },
    { header: 'Điểm tiêu chí', width: 13, value: (r) => score(r.criteria) },
    { header: 'Điểm cộng', width: 11, value: (r) => score(r.bonus) },
    { header: 'Điểm trừ', width: 11, value: (r) => score(r.deduction) },
    { header: 'Tổng điểm', width: 12, value: (r) => score(r.total) },
    { header: 'Xếp loại', width: 14, value: (r) => r.classification },
    { header: 'Tình trạng bảng điểm', width: 24, value: (r) => (r.status ? SCORE_SHEET_STATUS_LABELS[r.status] : 'Chưa chấm') },
    { header: 'Khen thưởng', width: 36, value: (r) => r.awards.join('; ') },
  ];
  return renderXlsxTable({
    sheetName: 'Xếp hạng',
    title: `BẢNG XẾP HẠNG THI ĐUA NĂM ${pledge.year}`,
    subtitle: [
      `${pledge.blocName} — ${pledge.title}`,
      pledge.signedOn
        ? `Ký kết ngày ${vnDate(pledge.signedOn)}${pledge.signingEvent ? ` tại ${pledge.signingEvent}` : ''}.`
        : 'Chưa ký kết.',
      ranking.final ? 'Kết quả chính thức (giao ước đã tổng kết).' : ranking.note,
      `Quy tắc xếp hạng: ${ranking.tieRule}`,
      `Xuất ngày ${vnDate(isoDateInVietnam(today))}.`,
    ],
    columns,
    rows: ranking.rows,
  });
}
