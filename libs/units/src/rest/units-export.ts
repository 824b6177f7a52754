import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS } from '@danvan/contracts';
import { isoDateInVietnam, renderXlsxTable, vnDate, type XlsxColumn } from '@danvan/core';
import type { UnitView } from '../dto/unit.view.js';

/** The printed unit register: columns with Vietnamese headers, dates dd/MM/yyyy. */
export function renderUnitsWorkbook(units: UnitView[], parents: Map<string, UnitView>, filters: string[], today: Date): Promise<Buffer> {
  const columns: Array<XlsxColumn<UnitView>> = [
    { header: 'STT', width: 6, value: (_u, i) => i + 1 },
    { header: 'Mã đơn vị', width: 14, value: (u) => u.code },
    { header: 'Tên đơn vị', width: 42, value: (u) => u.name },
    { header: 'Tên viết tắt', width: 14, value: (u) => u.shortName },
    { header: 'Loại đơn vị', width: 16, value: (u) => UNIT_KIND_LABELS[u.kind] },
    { header: 'Cấp', width: 10, value: (u) => UNIT_LEVEL_LABELS[u.level] },
    { header: 'Đơn vị cấp trên', width: 30, value: (u) => (u.parentId ? (parents.get(u.parentId)?.name ?? '') : '') },
    { header: 'Mã ĐVHC', width: 9, value: (u) => u.adminAreaCode },
    { header: 'Trạng thái', width: 14, value: (u) => UNIT_STATUS_LABELS[u.status] },
    { header: 'Hiệu lực từ', width: 12, value: (u) => vnDate(u.validFrom) },
    { header: 'Hiệu lực đến', width: 12, value: (u) => vnDate(u.validTo) },
    { header: 'Lãnh đạo', width: 40, value: (u) => u.leaders.map((l) => `${l.name} (${l.title})`).join('; ') },
  ];
  return renderXlsxTable({
    sheetName: 'Đơn vị',
    title: 'DANH SÁCH ĐƠN VỊ',
    subtitle: [...filters, `Xuất ngày ${vnDate(isoDateInVietnam(today))}: ${units.length} đơn vị.`],
    columns,
    rows: units,
  });
}

/** The filters of an export in words, printed under the title. */
export function describeFilters(query: UnitExportFilters, within?: UnitView): string[] {
  const lines: string[] = [];
  if (query.search) lines.push(`Tìm kiếm: "${query.search}"`);
  if (query.kind?.length) lines.push(`Loại đơn vị: ${query.kind.map((k) => UNIT_KIND_LABELS[k]).join(', ')}`);
  if (query.level?.length) lines.push(`Cấp: ${query.level.map((l) => UNIT_LEVEL_LABELS[l]).join(', ')}`);
  if (query.status?.length) lines.push(`Trạng thái: ${query.status.map((s) => UNIT_STATUS_LABELS[s]).join(', ')}`);
  if (within) lines.push(`Thuộc cây của: ${within.name}`);
  if (query.validOn) lines.push(`Còn hiệu lực ngày ${vnDate(query.validOn)}`);
  return lines;
}

/** The filter part of an export query. */
export interface UnitExportFilters {
  search?: string;
  kind?: UnitView['kind'][];
  level?: UnitView['level'][];
  status?: UnitView['status'][];
  validOn?: string;
}
