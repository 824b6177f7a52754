import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseDocumentNumber, type DocumentSortField, type Page } from '@danvan/contracts';
import { DOCUMENT_POLICY } from './document.policy.js';
import { DomainError, translatePgErrors, writeUnlessUnchanged, type RequestContext } from '@danvan/core';
import { assertVersion, assertVersionIfSent, defineAudit, type ExpectedVersion, type ListInput } from '@danvan/kit';
import { Database, inTransaction } from '@danvan/database';
import { UnitService } from '@danvan/units';
import type { DocumentFilterValues } from './document.list.js';
import type { CreateDocumentInput, UpdateDocumentInput } from './dto/document.inputs.js';
import type { DocumentView } from './dto/document.view.js';
import { DocumentRepository, type DocumentRecord } from './document.repository.js';

const DOCUMENT = 'văn bản';

/** What the audit trail keeps of a document: its fields, without the bookkeeping. */
const DOCUMENT_AUDIT = defineAudit<DocumentView>({ entity: 'document', scopePath: (d) => d.ownerPath, fields: auditedFields });

/** A validated list request of documents (the page defaults are applied by the list declaration, document.list.ts). */
export type DocumentListRequest = ListInput<DocumentSortField, DocumentFilterValues>;

const CONSTRAINT_ERRORS = {
  document_number_year_key: () =>
    DomainError.duplicate('number', 'Văn bản có số, ký hiệu này trong cùng năm ban hành đã có trong sổ văn bản.'),
};

/**
 * Use cases of the document register. Every signed-in caller with
 * documents:read sees every document (they are cited across units); a document
 * is changed only by callers whose subtree holds its owner unit.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly database: Database,
    private readonly documents: DocumentRepository,
    private readonly units: UnitService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<DocumentView> {
    const doc = await this.documents.findById(ctx, id);
    if (!doc) throw DomainError.notFound(DOCUMENT, id);
    return doc;
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<DocumentView[]> {
    return this.documents.findByIds(ctx, ids);
  }

  list(ctx: RequestContext, request: DocumentListRequest): Promise<Page<DocumentView>> {
    return this.documents.list(ctx, request);
  }

  async create(ctx: RequestContext, input: CreateDocumentInput): Promise<DocumentView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const ownerUnitId = input.ownerUnitId ?? tx.caller.unitId;
      if (ownerUnitId) {
        // Within the caller's scope, or it does not exist for them.
        const owner = await this.units.findByIds(tx, [ownerUnitId]);
        if (!owner.length)
          throw DomainError.rule('ownerUnitId', 'notFound', 'Đơn vị quản lý không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      }
      const record: DocumentRecord = {
        id: randomUUID(),
        ...numberParts(input.number, input.issuedOn),
        issuedOn: input.issuedOn,
        title: input.title,
        ownerUnitId,
      };
      await translatePgErrors(() => this.documents.insert(tx, record), CONSTRAINT_ERRORS);
      return DOCUMENT_AUDIT.created(tx, await this.get(tx, record.id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: ExpectedVersion, input: UpdateDocumentInput): Promise<DocumentView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.editable(tx, id, true, 'update');
      assertVersion(DOCUMENT, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      const number = input.number ?? current.number;
      const next: DocumentRecord = {
        id,
        ...numberParts(number, input.issuedOn ?? current.issuedOn),
        issuedOn: input.issuedOn ?? current.issuedOn,
        title: input.title ?? current.title,
        ownerUnitId: current.ownerUnitId,
      };
      const written = await writeUnlessUnchanged(tx, current, async () => {
        await translatePgErrors(async () => {
          await this.documents.updateIfVersion(tx, next, expectedVersion);
        }, CONSTRAINT_ERRORS);
        return this.get(tx, id);
      });
      return DOCUMENT_AUDIT.updated(tx, current, written);
    });
  }

  /** Deletes a document nothing cites (a cited one answers 409 STILL_REFERENCED). */
  async remove(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<{ id: string }> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.editable(tx, id, true, 'delete');
      assertVersionIfSent(DOCUMENT, expectedVersion, current.version);
      await translatePgErrors(async () => {
        if (!(await this.documents.deleteIfVersion(tx, id, expectedVersion)))
          throw DomainError.versionConflict(DOCUMENT, expectedVersion ?? 0);
      }, {});
      await DOCUMENT_AUDIT.deleted(tx, current);
      return { id };
    });
  }

  /** The document, if the caller may take `action` on it (DOCUMENT_POLICY: its owner unit lies in the caller's subtree). */
  private async editable(tx: RequestContext, id: string, lock: boolean, action: 'update' | 'delete'): Promise<DocumentView> {
    const doc = await this.documents.findById(tx, id, lock);
    if (!doc) throw DomainError.notFound(DOCUMENT, id);
    DOCUMENT_POLICY.assert(tx, action, doc);
    return doc;
  }
}

/**
 * The stored parts of a number the input validation already accepted. A number
 * that carries its year (`98/2023/NĐ-CP`, `06/2022/QH15`) must match the date of issue.
 */
function numberParts(number: string, issuedOn: string): Pick<DocumentRecord, 'number' | 'form' | 'type' | 'issuers'> {
  const parsed = parseDocumentNumber(number);
  if (!parsed.ok) throw DomainError.validation([{ field: 'number', code: 'isDocumentNumber', message: parsed.message }]);
  const { canonical, form, type, issuers, year } = parsed.value;
  if (year !== null && Number(issuedOn.slice(0, 4)) !== year) {
    throw DomainError.rule(
      'issuedOn',
      'yearMismatch',
      `Số văn bản ${canonical} ghi năm ${year} nhưng ngày ban hành thuộc năm ${issuedOn.slice(0, 4)}.`,
    );
  }
  return { number: canonical, form, type, issuers };
}

function auditedFields(doc: DocumentView): Record<string, unknown> {
  const { ownerPath: _ownerPath, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, typeName: _typeName, ...fields } = doc;
  return fields;
}
