import { DOCUMENT_FORMS } from '@danvan/contracts';
import { inList, textSearch } from '@danvan/core';
import { dateFilter, defineList, enumFilter, idsFilter, stringFilter, stringsFilter, textFilter, type FilterOf } from '@danvan/kit';
import { DocumentFormEnum } from './dto/document.view.js';

export const DOCUMENT_COLUMNS = `d.id, d.number, d.form, d.type, d.issuers, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on, d.title,
  d.owner_unit_id, (SELECT ou.path FROM unit_directory ou WHERE ou.id = d.owner_unit_id) AS owner_path, d.version, d.created_at, d.updated_at`;

/** The expression of document_search_trgm_idx. */
const DOCUMENT_SEARCH_TEXT = `danvan_normalize(d.number || ' ' || d.title)`;

/** The document register's list, REST (GET /api/v1/documents) and GraphQL (documents(options)) alike. */
export const DOCUMENT_LIST = defineList({
  name: 'Document',
  label: 'văn bản',
  from: 'document d',
  select: DOCUMENT_COLUMNS,
  tieBreaker: 'd.id',
  sort: {
    columns: { number: 'd.number', issuedOn: 'd.issued_on', title: 'd.title', createdAt: 'd.created_at' },
    labels: { number: 'Số, ký hiệu.', issuedOn: 'Ngày ban hành.', title: 'Trích yếu.', createdAt: 'Thời điểm nhập vào sổ.' },
    default: { field: 'issuedOn', order: 'desc' },
  },
  filters: {
    search: textFilter(textSearch(DOCUMENT_SEARCH_TEXT), {
      rest: 'q',
      description: 'Tìm theo số, ký hiệu và trích yếu; không phân biệt dấu và hoa thường ("ke hoach" tìm thấy "Kế hoạch").',
    }),
    form: enumFilter(DOCUMENT_FORMS, DocumentFormEnum, inList('d.form'), {
      description: 'Hình thức văn bản (REST: phân cách bằng dấu phẩy).',
    }),
    type: stringsFilter(inList('d.type'), { maxLength: 8, maxItems: 20, description: 'Ký hiệu loại văn bản (KH, NQ, QĐ …).' }),
    issuer: stringFilter((issuer, params) => `d.issuers @> ARRAY[${params.add(issuer)}::text]`, {
      maxLength: 20,
      description: 'Một cơ quan ban hành (BDVTU, TW …), chủ trì hoặc liên tịch.',
    }),
    issuedFrom: dateFilter((date, params) => `d.issued_on >= ${params.add(date)}::date`, { description: 'Ban hành từ ngày (yyyy-MM-dd).' }),
    issuedTo: dateFilter((date, params) => `d.issued_on <= ${params.add(date)}::date`, {
      description: 'Ban hành đến ngày (yyyy-MM-dd; không trước issuedFrom).',
      notBefore: 'issuedFrom',
    }),
    ids: idsFilter(inList('d.id'), { rest: false, description: 'Các văn bản có mã định danh trong danh sách này (tối đa 100).' }),
  },
});

/** Filters of the document list, the same for REST and GraphQL. */
export type DocumentFilterValues = FilterOf<typeof DOCUMENT_LIST>;
