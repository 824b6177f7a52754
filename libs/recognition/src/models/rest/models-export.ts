import {
  AWARD_RANK_LABELS,
  MODEL_FIELD_LABELS,
  MODEL_RECOGNITION_LABELS,
  RECIPIENT_KIND_LABELS,
  UNIT_LEVEL_LABELS,
} from '@danvan/contracts';
import { isoDateInVietnam, renderXlsxTable, vnDate, type XlsxColumn } from '@danvan/core';
import { formatCount } from '../../domain/model-rules.js';
import type { ModelFilterValues } from '../model.list.js';
import type { ModelView } from '../dto/model.views.js';
import type { RecognitionUnitRef } from '../../dto/recognition-refs.js';

/** "4.685 m²", "27 xã", "12,5 km": a result value as a Vietnamese report prints it. */
export function formatResult(value: number, unit: string | null): string {
  const [whole, fraction] = String(value).split('.');
  const text = fraction ? `${formatCount(Number(whole))},${fraction}` : formatCount(Number(whole));
  return unit ? `${text} ${unit}` : text;
}

/** "2023", "2021–2023", "từ 2023": the years a model ran. */
export function yearsText(firstYear: number, lastYear: number | null): string {
  if (lastYear === null) return `Từ ${firstYear}`;
  return firstYear === lastYear ? String(firstYear) : `${firstYear}–${lastYear}`;
}

/** The printed register of "Dân vận khéo" models: Vietnamese headers, dates dd/MM/yyyy, one row per model. */
export function renderModelsWorkbook(models: ModelView[], filters: string[], today: Date): Promise<Buffer> {
  const columns: Array<XlsxColumn<ModelView>> = [
    { header: 'STT', width: 6, value: (_m, i) => i + 1 },
    { header: 'Tên mô hình', width: 40, value: (m) => m.name },
    { header: 'Đơn vị', width: 30, value: (m) => m.owner.name },
    {
      header: 'Tập thể/cá nhân',
      width: 22,
      value: (m) =>
        m.holderKind === 'INDIVIDUAL' ? `${RECIPIENT_KIND_LABELS.INDIVIDUAL}: ${m.personName ?? ''}` : RECIPIENT_KIND_LABELS.COLLECTIVE,
    },
    { header: 'Lĩnh vực', width: 18, value: (m) => MODEL_FIELD_LABELS[m.field] },
    { header: 'Cấp', width: 10, value: (m) => UNIT_LEVEL_LABELS[m.level] },
    { header: 'Năm', width: 11, value: (m) => yearsText(m.firstYear, m.lastYear) },
    { header: 'Mức công nhận', width: 16, value: (m) => MODEL_RECOGNITION_LABELS[m.recognition] },
    { header: 'Ngày công nhận', width: 12, value: (m) => vnDate(m.recognisedOn) },
    { header: 'Văn bản công nhận', width: 16, value: (m) => m.recognitionDocument?.number ?? '' },
    { header: 'Kết quả', width: 36, value: (m) => m.results.map((r) => `${r.indicator}: ${formatResult(r.value, r.unit)}`).join('; ') },
    {
      header: 'Khen thưởng',
      width: 30,
      value: (m) =>
        m.awards
          .map(
            (a) => `${a.titleName}${a.rank ? ` (hạng ${AWARD_RANK_LABELS[a.rank]})` : ''} năm ${a.year}${a.revoked ? ' (đã thu hồi)' : ''}`,
          )
          .join('; '),
    },
  ];
  return renderXlsxTable({
    sheetName: 'Mô hình Dân vận khéo',
    title: 'DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO"',
    subtitle: [...filters, `Xuất ngày ${vnDate(isoDateInVietnam(today))}: ${formatCount(models.length)} mô hình.`],
    columns,
    rows: models,
  });
}

/** The filters of an export in words, printed under the title. */
export function describeModelFilters(filter: ModelFilterValues, within?: RecognitionUnitRef | null): string[] {
  const lines: string[] = [];
  if (within) lines.push(`Thuộc cây của: ${within.name}`);
  if (filter.year) lines.push(`Đang thực hiện trong năm ${filter.year}`);
  if (filter.search) lines.push(`Tìm kiếm: "${filter.search}"`);
  if (filter.field?.length) lines.push(`Lĩnh vực: ${filter.field.map((f) => MODEL_FIELD_LABELS[f]).join(', ')}`);
  if (filter.level?.length) lines.push(`Cấp: ${filter.level.map((l) => UNIT_LEVEL_LABELS[l]).join(', ')}`);
  if (filter.recognition?.length) lines.push(`Mức công nhận: ${filter.recognition.map((r) => MODEL_RECOGNITION_LABELS[r]).join(', ')}`);
  if (filter.holderKind?.length) lines.push(`Loại: ${filter.holderKind.map((k) => RECIPIENT_KIND_LABELS[k]).join(', ')}`);
  return lines;
}
