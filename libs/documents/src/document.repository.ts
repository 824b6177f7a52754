import { Injectable } from '@nestjs/common';
import { parseDocumentNumber, type DocumentForm, type DocumentSortField, type Page } from '@danvan/contracts';
import { rowCount, type Queryable, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { updateVersioned, type ListInput } from '@danvan/kit';
import { DOCUMENT_COLUMNS, DOCUMENT_LIST, type DocumentFilterValues } from './document.list.js';
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

  async list(ctx: RequestContext, request: ListInput<DocumentSortField, DocumentFilterValues>): Promise<Page<DocumentView>> {
    const page = await DOCUMENT_LIST.fetch<DocumentRow>(this.db(ctx), request);
    return { ...page, items: page.items.map(toView) };
  }

  async insert(ctx: RequestContext, doc: DocumentRecord): Promise<void> {
    await this.db(ctx).query(
      `INSERT INTO document (id, number, form, type, issuers, issued_on, title, owner_unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [doc.id, doc.number, doc.form, doc.type, doc.issuers, doc.issuedOn, doc.title, doc.ownerUnitId],
    );
  }

  /** Writes a document only if it still has `expectedVersion`, bumping the version; versionConflict otherwise. */
  async updateIfVersion(ctx: RequestContext, doc: DocumentRecord, expectedVersion: number): Promise<void> {
    await updateVersioned(this.db(ctx), {
      table: 'document',
      id: doc.id,
      expectedVersion,
      entityLabel: 'văn bản',
      set: 'number = $3, form = $4, type = $5, issuers = $6, issued_on = $7, title = $8',
      values: [doc.number, doc.form, doc.type, doc.issuers, doc.issuedOn, doc.title],
    });
  }

  async deleteIfVersion(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<boolean> {
    const result = (await this.db(ctx).query(`DELETE FROM document WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING id`, [
      id,
      expectedVersion,
    ])) as unknown[];
    return rowCount(result) === 1;
  }
}
