import { Injectable } from '@nestjs/common';
import { RECOGNITION_LIMITS, type AwardEntryKind, type AwardTitleRecipients, type RecipientKind } from '@danvan/contracts';
import { SqlParams, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { updateVersioned } from '@danvan/kit';
import type { TitleUsage } from '../domain/award-rules.js';
import { allOf } from '../sql-refs.js';
import type { CreateAwardTitleInput } from './dto/award-title.inputs.js';
import type { AwardTitleView } from './dto/award-title.view.js';

const TITLE_COLUMNS = `t.id, t.code, t.name, t.kind, t.recipients, t.ranked, t.legal_basis AS "legalBasis", t.active, t.position,
  t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

export interface AwardTitleFilter {
  kind?: AwardEntryKind | null;
  /** Entries that may be given to this kind of recipient (BOTH included). */
  recipientKind?: RecipientKind | null;
  includeInactive?: boolean | null;
}

/** What a change of a catalogue entry writes (code and kind never change). */
export interface AwardTitleChange {
  name: string;
  recipients: AwardTitleRecipients;
  ranked: boolean;
  legalBasis: string | null;
  active: boolean;
  position: number;
}

/** All SQL of the award catalogue (`award_title`), through the context's transaction when it has one. */
@Injectable()
export class AwardTitleRepository {
  constructor(private readonly database: Database) {}

  async list(ctx: RequestContext, filter: AwardTitleFilter): Promise<AwardTitleView[]> {
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

  /** The entry; `lock` takes FOR UPDATE. */
  async find(ctx: RequestContext, id: string, lock = false): Promise<AwardTitleView | undefined> {
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${TITLE_COLUMNS} FROM award_title t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as AwardTitleView[];
    return row;
  }

  /** A new entry, placed after the last one unless `position` says where. */
  async insert(ctx: RequestContext, id: string, input: CreateAwardTitleInput): Promise<void> {
    await managerOf(this.database, ctx).query(
      `INSERT INTO award_title (id, code, name, kind, recipients, ranked, legal_basis, position)
       SELECT $1, $2, $3, $4, $5, $6, $7, COALESCE($8, (SELECT COALESCE(max(position), 0) + 10 FROM award_title))`,
      [id, input.code, input.name, input.kind, input.recipients, input.ranked ?? false, input.legalBasis ?? null, input.position ?? null],
    );
  }

  /** Writes the change and bumps the version (updateVersioned: versionConflict, with the current version, when it is no longer `expectedVersion`). */
  async update(ctx: RequestContext, id: string, expectedVersion: number, next: AwardTitleChange): Promise<void> {
    await updateVersioned(managerOf(this.database, ctx), {
      table: 'award_title',
      id,
      expectedVersion,
      entityLabel: 'mục khen thưởng',
      set: 'name = $3, recipients = $4, ranked = $5, legal_basis = $6, active = $7, position = $8',
      values: [next.name, next.recipients, next.ranked, next.legalBasis, next.active, next.position],
    });
  }

  /** How the entry is used by awards in force: what a change of its recipients or ranking must respect. */
  async usage(ctx: RequestContext, titleId: string): Promise<TitleUsage> {
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT count(*) FILTER (WHERE recipient_kind = 'COLLECTIVE')::int AS collective,
              count(*) FILTER (WHERE recipient_kind = 'INDIVIDUAL')::int AS individual,
              count(*) FILTER (WHERE rank IS NOT NULL)::int AS ranked
       FROM award WHERE title_id = $1 AND revoked_at IS NULL`,
      [titleId],
    )) as TitleUsage[];
    return row;
  }
}
