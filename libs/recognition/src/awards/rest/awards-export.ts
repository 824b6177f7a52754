import { AWARD_RANK_LABELS, RECIPIENT_KIND_LABELS } from '@danvan/contracts';
import { isoDateInVietnam, renderXlsxTable, vnDate, type XlsxColumn } from '@danvan/core';
import { formatCount } from '../../domain/model-rules.js';
import type { AwardFilterNames } from '../award.service.js';
import type { AwardFilterValues } from '../award.list.js';
import type { AwardView } from '../dto/award.views.js';

/** Who was awarded, as a decision's annex names them: the unit, or "person, position, unit". */
export function recipientText(award: Pick<AwardView, 'recipientKind' | 'recipientUnit' | 'personName' | 'personPosition'>): string {
  if (award.recipientKind === 'COLLECTIVE') return award.recipientUnit.name;
  return [award.personName, award.personPosition, award.recipientUnit.name].filter(Boolean).join(', ');
}

/** The printed list of awards: Vietnamese headers, dates dd/MM/yyyy, revoked awards kept and marked. */
export function renderAwardsWorkbook(awards: AwardView[], filters: string[], today: Date): Promise<Buffer> {
  const inForce = awards.filter((a) => !a.revoked).length;
  const columns: Array<XlsxColumn<AwardView>> = [
    { header: 'STT', width: 6, value: (_a, i) => i + 1 },
    { header: 'Danh hiệu, hình thức', width: 28, value: (a) => a.title.name },
    { header: 'Hạng', width: 8, value: (a) => (a.rank ? AWARD_RANK_LABELS[a.rank] : '') },
    { header: 'Đối tượng', width: 10, value: (a) => RECIPIENT_KIND_LABELS[a.recipientKind] },
    { header: 'Tập thể, cá nhân được khen', width: 40, value: recipientText },
    { header: 'Thành tích', width: 36, value: (a) => a.citation ?? '' },
    { header: 'Năm', width: 8, value: (a) => a.year },
    { header: 'Quyết định', width: 18, value: (a) => a.decisionDocument?.number ?? '' },
    { header: 'Ngày quyết định', width: 13, value: (a) => vnDate(a.decidedOn) },
    { header: 'Đơn vị khen thưởng', width: 28, value: (a) => a.issuer.name },
    {
      header: 'Ghi chú',
      width: 28,
      value: (a) =>
        a.revoked && a.revokedAt ? `Đã thu hồi ngày ${vnDate(isoDateInVietnam(new Date(a.revokedAt)))}: ${a.revocationReason ?? ''}` : '',
    },
  ];
  return renderXlsxTable({
    sheetName: 'Khen thưởng',
    title: 'DANH SÁCH KHEN THƯỞNG',
    subtitle: [
      ...filters,
      `Xuất ngày ${vnDate(isoDateInVietnam(today))}: ${formatCount(awards.length)} khen thưởng, ${formatCount(inForce)} còn hiệu lực.`,
    ],
    columns,
    rows: awards,
  });
}

/** The filters of an export in words, printed under the title. */
export function describeAwardFilters(filter: AwardFilterValues, names: AwardFilterNames): string[] {
  const unit = (id: string) => names.units.get(id) ?? id;
  const lines: string[] = [];
  if (filter.withinUnitId) lines.push(`Đơn vị được khen thuộc cây của: ${unit(filter.withinUnitId)}`);
  if (filter.recipientUnitId) lines.push(`Đơn vị được khen: ${unit(filter.recipientUnitId)}`);
  if (filter.issuerUnitId) lines.push(`Đơn vị khen thưởng: ${unit(filter.issuerUnitId)}`);
  if (filter.issuerWithinUnitId) lines.push(`Đơn vị khen thưởng thuộc cây của: ${unit(filter.issuerWithinUnitId)}`);
  if (filter.decidedFrom && filter.decidedTo)
    lines.push(`Ngày quyết định: từ ${vnDate(filter.decidedFrom)} đến ${vnDate(filter.decidedTo)}`);
  else if (filter.decidedFrom) lines.push(`Ngày quyết định: từ ${vnDate(filter.decidedFrom)}`);
  else if (filter.decidedTo) lines.push(`Ngày quyết định: đến ${vnDate(filter.decidedTo)}`);
  if (filter.year) lines.push(`Năm thành tích: ${filter.year}`);
  if (names.titles.length) lines.push(`Danh hiệu, hình thức: ${names.titles.join(', ')}`);
  if (filter.rank?.length) lines.push(`Hạng: ${filter.rank.map((r) => AWARD_RANK_LABELS[r]).join(', ')}`);
  if (filter.recipientKind?.length) lines.push(`Đối tượng: ${filter.recipientKind.map((k) => RECIPIENT_KIND_LABELS[k]).join(', ')}`);
  if (names.pledge) lines.push(`Giao ước thi đua: ${names.pledge}`);
  if (names.model) lines.push(`Mô hình: ${names.model}`);
  if (filter.search) lines.push(`Tìm kiếm: "${filter.search}"`);
  if (filter.revoked === true) lines.push('Chỉ khen thưởng đã thu hồi');
  if (filter.revoked === false) lines.push('Chỉ khen thưởng còn hiệu lực');
  return lines;
}
