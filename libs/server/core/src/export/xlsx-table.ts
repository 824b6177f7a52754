import ExcelJS from 'exceljs';
import { DomainError } from '../errors/domain-error.js';

/** One column of a printed table. */
export interface XlsxColumn<Row> {
  header: string;
  /** Width in characters. */
  width: number;
  value: (row: Row, index: number) => string | number | null;
}

export interface XlsxTable<Row> {
  sheetName: string;
  /** Printed above the table, e.g. "DANH SÁCH ĐƠN VỊ". */
  title: string;
  /** Lines under the title: filters applied, export date … */
  subtitle: string[];
  columns: Array<XlsxColumn<Row>>;
  rows: Row[];
}

/** The most rows one export prints (a province's whole unit tree fits; the nation does not); more is refused: narrow the filters. */
export const MAX_EXPORT_ROWS = 10_000;

/**
 * Refuses an export when the list matched more than MAX_EXPORT_ROWS rows (or more
 * than its count reads: `totalIsExact` false); `noun` names the rows ("đơn vị", "mô hình").
 */
export function assertExportable(page: { totalItems: number; totalIsExact: boolean }, noun: string): void {
  if (page.totalItems > MAX_EXPORT_ROWS || !page.totalIsExact) {
    const matched = `${page.totalIsExact ? '' : 'hơn '}${page.totalItems.toLocaleString('vi-VN')}`;
    throw new DomainError(
      'RULE_VIOLATION',
      `Có ${matched} ${noun} khớp điều kiện, vượt quá ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} dòng một lần xuất. Hãy lọc bớt rồi xuất lại.`,
    );
  }
}

/** The content type of .xlsx files. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of an .xlsx answer downloaded as `<name>-<yyyy-MM-dd>.xlsx` (the day in Vietnam): `reply.headers(xlsxDownload(…))`. */
export function xlsxDownload(name: string, at: Date): Record<string, string> {
  return { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="${name}-${isoDateInVietnam(at)}.xlsx"` };
}

/** `yyyy-MM-dd` → `dd/MM/yyyy`, the way Vietnamese documents print dates. */
export function vnDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Today's date (yyyy-MM-dd) in Vietnam, whatever the server's time zone. */
export function isoDateInVietnam(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Renders a table as an .xlsx workbook ready to print: title and subtitle rows,
 * bold bordered headers repeated on every printed page, wrapped text, A4
 * landscape fitted to the page width. Every export of the system uses this.
 */
export async function renderXlsxTable<Row>(table: XlsxTable<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'danvan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P / &N' },
  });
  sheet.columns = table.columns.map((c) => ({ width: c.width }));
  const lastColumn = table.columns.length;

  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, lastColumn);
  title.alignment = { horizontal: 'center' };
  for (const line of table.subtitle) {
    const row = sheet.addRow([line]);
    row.font = { italic: true };
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
  }
  sheet.addRow([]);

  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const border = { style: 'thin' as const };
  header.eachCell((cell) => {
    cell.border = { top: border, left: border, bottom: border, right: border };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number }];

  table.rows.forEach((source, index) => {
    const row = sheet.addRow(table.columns.map((c) => c.value(source, index)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: border, left: border, bottom: border, right: border };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
