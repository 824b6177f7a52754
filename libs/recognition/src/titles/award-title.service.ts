import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AWARD_TITLE_POLICY } from './award-title.policy.js';
import { DomainError, writeUnlessUnchanged, translatePgErrors, type RequestContext } from '@danvan/core';
import { assertVersion, defineAudit } from '@danvan/kit';
import { AwardTitleRepository, type AwardTitleFilter } from './award-title.repository.js';
import { Database, inTransaction } from '@danvan/database';
import { titleChangeRefusals } from '../domain/award-rules.js';
import type { CreateAwardTitleInput, UpdateAwardTitleInput } from './dto/award-title.inputs.js';
import type { AwardTitleView } from './dto/award-title.view.js';

export type { AwardTitleFilter } from './award-title.repository.js';

const TITLE = 'mục khen thưởng';

/** What the audit trail keeps of a catalogue entry (national: filed under no unit). */
const TITLE_AUDIT = defineAudit<AwardTitleView>({
  entity: 'award-title',
  scopePath: () => null,
  fields: (t) => ({
    code: t.code,
    name: t.name,
    kind: t.kind,
    recipients: t.recipients,
    ranked: t.ranked,
    legalBasis: t.legalBasis,
    active: t.active,
    position: t.position,
  }),
});

const CONSTRAINT_ERRORS = {
  award_title_code_key: () => DomainError.duplicate('code', 'Mã này đã có trong danh mục khen thưởng.'),
  award_title_name_key: () => DomainError.duplicate('name', 'Tên này đã có trong danh mục khen thưởng.'),
};

/**
 * The award catalogue (danh hiệu thi đua, hình thức khen thưởng): data, not
 * code, because decrees change it. Everyone with emulation:read reads it; only
 * administrators (unrestricted scope) change it, since it is shared by every
 * province.
 */
@Injectable()
export class AwardTitleService {
  constructor(
    private readonly database: Database,
    private readonly titles: AwardTitleRepository,
  ) {}

  list(ctx: RequestContext, filter: AwardTitleFilter = {}): Promise<AwardTitleView[]> {
    return this.titles.list(ctx, filter);
  }

  async get(ctx: RequestContext, id: string, lock = false): Promise<AwardTitleView> {
    const row = await this.titles.find(ctx, id, lock);
    if (!row) throw DomainError.notFound(TITLE, id);
    return row;
  }

  async create(ctx: RequestContext, input: CreateAwardTitleInput): Promise<AwardTitleView> {
    assertAdministrator(ctx);
    return inTransaction(this.database, ctx, async (tx) => {
      const id = randomUUID();
      await translatePgErrors(() => this.titles.insert(tx, id, input), CONSTRAINT_ERRORS);
      return TITLE_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateAwardTitleInput): Promise<AwardTitleView> {
    assertAdministrator(ctx);
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.get(tx, id, true);
      assertVersion(TITLE, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      const next = {
        name: input.name ?? current.name,
        recipients: input.recipients ?? current.recipients,
        ranked: input.ranked ?? current.ranked,
        legalBasis: input.legalBasis === undefined ? current.legalBasis : input.legalBasis,
        active: input.active ?? current.active,
        position: input.position ?? current.position,
      };
      DomainError.refuseIfAny(titleChangeRefusals(next, await this.titles.usage(tx, id)));
      const result = await writeUnlessUnchanged(tx, current, async () => {
        await translatePgErrors(() => this.titles.update(tx, id, expectedVersion, next), CONSTRAINT_ERRORS);
        return this.get(tx, id);
      });
      return TITLE_AUDIT.updated(tx, current, result);
    });
  }
}

/** The catalogue is national: a caller limited to a subtree cannot change it. */
function assertAdministrator(ctx: RequestContext): void {
  AWARD_TITLE_POLICY.assert(ctx, 'update', null);
}
