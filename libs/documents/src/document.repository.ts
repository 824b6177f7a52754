import { Injectable } from '@nestjs/common';
import { parseDocumentNumber, type DocumentForm, type DocumentSortField, type Page } from '@danvan/contracts';
import {
  fetchPage,
  inList,
  rowCount,
  textSearch,
  type ListQuerySpec,
  type ListRequest,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import type { DocumentFilterValues } from './dto/document-list.options.js';
import type { DocumentView } from './dto/document.view.js';

interface DocumentRow {
  id: string;
  number: string;
  form: DocumentForm;
  type: string;
  issuers: string[];
  issued_on: string;
  title: string;
  owner_unit_id: string | null;
  owner_path: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const DOCUMENT_COLUMNS = `d.id, d.number, d.form, d.type, d.issuers, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on, d.title,
  d.owner_unit_id, (SELECT ou.path FROM unit ou WHERE ou.id = d.owner_unit_id) AS owner_path, d.version, d.created_at, d.updated_at`;

/** The expression of document_search_trgm_idx. */
const DOCUMENT_SEARCH_TEXT = `danvan_normalize(d.number || ' ' || d.title)`;

const DOCUMENT_LIST: ListQuerySpec<DocumentSortField, DocumentFilterValues> = {
  from: 'document d',
  select: DOCUMENT_COLUMNS,
  sortColumns: { number: 'd.number', issuedOn: 'd.issued_on', title: 'd.title', createdAt: 'd.created_at' },
  tieBreaker: 'd.id',
  defaultSort: { field: 'issuedOn', order: 'desc' },
  filters: {
    search: textSearch(DOCUMENT_SEARCH_TEXT),
    form: inList('d.form'),
    type: inList('d.type'),
    issuer: (issuer, params) => `d.issuers @> ARRAY[${params.add(issuer)}::text]`,
    issuedFrom: (date, params) => `d.issued_on >= ${params.add(date)}::date`,
    issuedTo: (date, params) => `d.issued_on <= ${params.add(date)}::date`,
    ids: inList('d.id'),
  },
};

function toView(row: DocumentRow): DocumentView {
  const parsed = parseDocumentNumber(row.number);
  return {
    id: row.id,
    number: row.number,
    form: row.form,
    type: row.type,
    typeName: parsed.ok ? parsed.value.typeName : row.type,
    issuers: row.issuers,
    issuedOn: row.issued_on,
    title: row.title,
    ownerUnitId: row.owner_unit_id,
    ownerPath: row.owner_path,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored fields of a document, as the service writes them. */
export interface DocumentRecord {
  id: string;
  number: string;
  form: DocumentForm;
  type: string;
  issuers: string[];
  issuedOn: string;
  title: string;
  ownerUnitId: string | null;
}

/**
 * SQL of the document register. Documents are reference data every signed-in
 * caller may read; who may change one is decided by the service (owner's subtree).
 */
@Injectable()
export class DocumentRepository {
  constructor(private readonly database: Database) {}

  private db(ctx: RequestContext): Queryable {
    return managerOf(this.database, ctx);
  }

  async findById(ctx: RequestContext, id: string, lock = false): Promise<DocumentView | undefined> {
    const rows = (await this.db(ctx).query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`, [
      id,
    ])) as DocumentRow[];
    return rows[0] && toView(rows[0]);
  }

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<DocumentView[]> {
    if (!ids.length) return [];
    const rows = (await this.db(ctx).query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.id = ANY($1)`, [ids])) as DocumentRow[];
    return rows.map(toView);
  }

  async list(ctx: RequestContext, request: ListRequest<DocumentSortField, DocumentFilterValues>): Promise<Page<DocumentView>> {
    const page = await fetchPage<DocumentRow, DocumentSortField, DocumentFilterValues>(this.db(ctx), DOCUMENT_LIST, request);
    return { ...page, items: page.items.map(toView) };
  }

  async insert(ctx: RequestContext, doc: DocumentRecord): Promise<void> {
    await this.db(ctx).query(
      `INSERT INTO document (id, number, form, type, issuers, issued_on, title, owner_unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [doc.id, doc.number, doc.form, doc.type, doc.issuers, doc.issuedOn, doc.title, doc.ownerUnitId],
    );
  }

  /** Writes only if the document still has `expectedVersion`; false when someone else changed it first. */
  async updateIfVersion(ctx: RequestContext, doc: DocumentRecord, expectedVersion: number): Promise<boolean> {
    const result = (await this.db(ctx).query(
      `UPDATE document SET number = $3, form = $4, type = $5, issuers = $6, issued_on = $7, title = $8,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [doc.id, expectedVersion, doc.number, doc.form, doc.type, doc.issuers, doc.issuedOn, doc.title],
    )) as unknown[];
    return rowCount(result) === 1;
  }

  async deleteIfVersion(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<boolean> {
    const result = (await this.db(ctx).query(`DELETE FROM document WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING id`, [
      id,
      expectedVersion,
    ])) as unknown[];
    return rowCount(result) === 1;
  }
}
