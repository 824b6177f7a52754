import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AWARD_TITLE_POLICY } from './award-title.policy.js';
import {
  DomainError,
  recordAudit,
  writeUnlessUnchanged,
  SqlParams,
  translatePgErrors,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { assertVersion } from '@danvan/kit';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { titleChangeRefusals, type TitleUsage } from '../domain/award-rules.js';
import { RECOGNITION_LIMITS, type AwardEntryKind, type RecipientKind } from '@danvan/contracts';
import type { CreateAwardTitleInput, UpdateAwardTitleInput } from './dto/award-title.inputs.js';
import type { AwardTitleView } from './dto/award-title.view.js';
import { allOf, rowCount } from '../sql-refs.js';

const TITLE = 'mục khen thưởng';

const TITLE_COLUMNS = `t.id, t.code, t.name, t.kind, t.recipients, t.ranked, t.legal_basis AS "legalBasis", t.active, t.position,
  t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const CONSTRAINT_ERRORS = {
  award_title_code_key: () => DomainError.duplicate('code', 'Mã này đã có trong danh mục khen thưởng.'),
  award_title_name_key: () => DomainError.duplicate('name', 'Tên này đã có trong danh mục khen thưởng.'),
};

export interface AwardTitleFilter {
  kind?: AwardEntryKind | null;
  /** Entries that may be given to this kind of recipient (BOTH included). */
  recipientKind?: RecipientKind | null;
  includeInactive?: boolean | null;
}

/**
 * The award catalogue (danh hiệu thi đua, hình thức khen thưởng): data, not
 * code, because decrees change it. Everyone with emulation:read reads it; only
 * administrators (unrestricted scope) change it, since it is shared by every
 * province.
 */
@Injectable()
export class AwardTitleService {
  constructor(private readonly database: Database) {}

  async list(ctx: RequestContext, filter: AwardTitleFilter = {}): Promise<AwardTitleView[]> {
    const params = new SqlParams();
    const where = allOf(
      filter.kind ? `t.kind = ${params.add(filter.kind)}` : null,
      filter.recipientKind ? `t.recipients IN (${params.add(filter.recipientKind)}, 'BOTH')` : null,
      filter.includeInactive ? null : 't.active',
    );
    return (await managerOf(this.database, ctx).query(
      `SELECT ${TITLE_COLUMNS} FROM award_title t WHERE ${where} ORDER BY t.position, t.name, t.id LIMIT ${RECOGNITION_LIMITS.titlesMax}`,
      params.values,
    )) as AwardTitleView[];
  }

  async get(ctx: RequestContext, id: string, lock = false): Promise<AwardTitleView> {
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${TITLE_COLUMNS} FROM award_title t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as AwardTitleView[];
    if (!row) throw DomainError.notFound(TITLE, id);
    return row;
  }

  async create(ctx: RequestContext, input: CreateAwardTitleInput): Promise<AwardTitleView> {
    assertAdministrator(ctx);
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const id = randomUUID();
      await translatePgErrors(
        () =>
          db.query(
            `INSERT INTO award_title (id, code, name, kind, recipients, ranked, legal_basis, position)
             SELECT $1, $2, $3, $4, $5, $6, $7, COALESCE($8, (SELECT COALESCE(max(position), 0) + 10 FROM award_title))`,
            [
              id,
              input.code,
              input.name,
              input.kind,
              input.recipients,
              input.ranked ?? false,
              input.legalBasis ?? null,
              input.position ?? null,
            ],
          ),
        CONSTRAINT_ERRORS,
      );
      const created = await this.get(tx, id);
      await this.audit(db, tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateAwardTitleInput): Promise<AwardTitleView> {
    assertAdministrator(ctx);
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.get(tx, id, true);
      assertVersion(TITLE, expectedVersion, current.version);
      const next = {
        name: input.name ?? current.name,
        recipients: input.recipients ?? current.recipients,
        ranked: input.ranked ?? current.ranked,
        legalBasis: input.legalBasis === undefined ? current.legalBasis : input.legalBasis,
        active: input.active ?? current.active,
        position: input.position ?? current.position,
      };
      DomainError.refuseIfAny(titleChangeRefusals(next, await usageOf(db, id)));
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        const result = (await translatePgErrors(
          () =>
            db.query(
              `UPDATE award_title SET name = $3, recipients = $4, ranked = $5, legal_basis = $6, active = $7, position = $8, version = version + 1, updated_at = now()
               WHERE id = $1 AND version = $2 RETURNING id`,
              [id, expectedVersion, next.name, next.recipients, next.ranked, next.legalBasis, next.active, next.position],
            ),
          CONSTRAINT_ERRORS,
        )) as unknown[];
        if (rowCount(result) !== 1) throw DomainError.versionConflict(TITLE, expectedVersion);
        return this.get(tx, id);
      });
      if (changed) await this.audit(db, tx, 'update', current, updated);
      return updated;
    });
  }

  private async audit(
    db: Queryable,
    tx: RequestContext,
    action: string,
    before: AwardTitleView | null,
    after: AwardTitleView,
  ): Promise<void> {
    const fields = (t: AwardTitleView) => ({
      code: t.code,
      name: t.name,
      kind: t.kind,
      recipients: t.recipients,
      ranked: t.ranked,
      legalBasis: t.legalBasis,
      active: t.active,
      position: t.position,
    });
    await recordAudit(tx, {
      entity: 'award-title',
      entityId: after.id,
      action,
      scopePath: null,
      before: before && fields(before),
      after: fields(after),
    });
  }
}

/** The catalogue is national: a caller limited to a subtree cannot change it. */
function assertAdministrator(ctx: RequestContext): void {
  AWARD_TITLE_POLICY.assert(ctx, 'update', null);
}

async function usageOf(db: Queryable, titleId: string): Promise<TitleUsage> {
  const [row] = (await db.query(
    `SELECT count(*) FILTER (WHERE recipient_kind = 'COLLECTIVE')::int AS collective,
            count(*) FILTER (WHERE recipient_kind = 'INDIVIDUAL')::int AS individual,
            count(*) FILTER (WHERE rank IS NOT NULL)::int AS ranked
     FROM award WHERE title_id = $1 AND revoked_at IS NULL`,
    [titleId],
  )) as TitleUsage[];
  return row;
}
