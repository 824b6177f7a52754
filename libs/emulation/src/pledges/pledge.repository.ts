import { Injectable } from '@nestjs/common';
import { type CriteriaSetContent, type Page, type PledgeStatus } from '@danvan/contracts';
import { DomainError, SqlParams, translatePgErrors, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { assertDocumentsExist, replaceDocumentLinks } from '@danvan/documents';
import { updateVersioned, type ListInput } from '@danvan/kit';
import { unitRefJson } from '../shared/sql-refs.js';
import type { CriteriaSetRow, SignatoryProgress } from './domain/pledge-rules.js';
import type { PledgeView } from './dto/pledge.view.js';
import type { RegistrationView } from './dto/registration.view.js';
import { CRITERIA_SET_JSON, PLEDGE_COLUMNS, PLEDGE_FROM, PLEDGE_LIST, type PledgeFilter, type PledgeSortField } from './pledge.list.js';
import { PLEDGE_POLICY } from './pledge.policy.js';

/** A pledge as read, before the service adds its status label, criteria set view and allowed actions. */
export type PledgeRow = Omit<PledgeView, 'criteriaSet' | 'statusLabel' | 'allowedActions'> & { criteriaSetRow: CriteriaSetRow | null };

/** A registration as read, with its unit's path (REGISTRATION_POLICY decides who sees it). */
export type RegistrationRow = RegistrationView & { unitPath: string };

/** What the pledge lifecycle's guards count. */
export interface PledgeCounts {
  signatories: number;
  outside: number;
  registered: number;
  submitted: number;
  accepted: number;
}

const CONSTRAINT_ERRORS = {
  pledge_bloc_key: () => DomainError.duplicate('blocId', 'Khối thi đua này đã có giao ước.'),
  pledge_registration_key: () =>
    new DomainError('VERSION_CONFLICT', 'Đơn vị vừa được người khác đăng ký chỉ tiêu. Hãy tải lại và sửa trên bản mới nhất.'),
};

const REGISTRATION_COLUMNS = `r.id, r.pledge_id AS "pledgeId", ${unitRefJson('ru')} AS unit, r.targets, r.breakthrough_tasks AS "breakthroughTasks",
  r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const PLEDGE_LABEL = 'giao ước thi đua';

/**
 * SQL of pledges: the pledge, its documents, criteria set versions, signatories
 * and registrations. Pledge reads are limited to what PLEDGE_POLICY lets the caller see.
 */
@Injectable()
export class PledgeRepository {
  constructor(private readonly database: Database) {}

  /** Locks the pledge's row until the transaction ends. */
  async lock(tx: RequestContext, id: string): Promise<void> {
    await managerOf(this.database, tx).query(`SELECT 1 FROM pledge WHERE id = $1 FOR UPDATE`, [id]);
  }

  async find(ctx: RequestContext, id: string): Promise<PledgeRow | undefined> {
    const params = new SqlParams();
    const where = [`p.id = ${params.add(id)}`, PLEDGE_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${PLEDGE_COLUMNS} FROM ${PLEDGE_FROM} WHERE ${where}`,
      params.values,
    )) as PledgeRow[];
    return row;
  }

  list(ctx: RequestContext, options: ListInput<PledgeSortField, PledgeFilter>): Promise<Page<PledgeRow>> {
    return PLEDGE_LIST.fetch<PledgeRow>(managerOf(this.database, ctx), options, (params) => PLEDGE_POLICY.visibleSql(ctx, params), ctx);
  }

  /** The visible pledges of these blocs, in one statement. */
  async ofBlocs(ctx: RequestContext, blocIds: readonly string[]): Promise<PledgeRow[]> {
    const params = new SqlParams();
    const where = [`p.bloc_id = ANY(${params.add(blocIds)}::uuid[])`, PLEDGE_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    return (await managerOf(this.database, ctx).query(
      `SELECT ${PLEDGE_COLUMNS} FROM ${PLEDGE_FROM} WHERE ${where}`,
      params.values,
    )) as PledgeRow[];
  }

  /** Criteria set versions of these pledges, newest first. */
  async criteriaVersionsOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Array<{ pledgeId: string; row: CriteriaSetRow }>> {
    return (await managerOf(this.database, ctx).query(
      `SELECT c.pledge_id AS "pledgeId", ${CRITERIA_SET_JSON('c')} AS row FROM criteria_set c WHERE c.pledge_id = ANY($1::uuid[]) ORDER BY c.number DESC`,
      [pledgeIds],
    )) as Array<{ pledgeId: string; row: CriteriaSetRow }>;
  }

  async insert(
    tx: RequestContext,
    pledge: { id: string; blocId: string; title: string; breakthroughMin: number | null; breakthroughMax: number | null },
  ): Promise<void> {
    await translatePgErrors(
      () =>
        managerOf(this.database, tx).query(
          `INSERT INTO pledge (id, bloc_id, title, breakthrough_min, breakthrough_max) VALUES ($1, $2, $3, $4, $5)`,
          [pledge.id, pledge.blocId, pledge.title, pledge.breakthroughMin, pledge.breakthroughMax],
        ),
      CONSTRAINT_ERRORS,
    );
  }

  async updateFields(
    tx: RequestContext,
    id: string,
    title: string,
    breakthroughMin: number | null,
    breakthroughMax: number | null,
  ): Promise<void> {
    await managerOf(this.database, tx).query(`UPDATE pledge SET title = $2, breakthrough_min = $3, breakthrough_max = $4 WHERE id = $1`, [
      id,
      title,
      breakthroughMin,
      breakthroughMax,
    ]);
  }

  /** Replaces the documents the pledge cites (documents of the register, in order). */
  async replaceDocuments(tx: RequestContext, id: string, documentIds: string[]): Promise<void> {
    await assertDocumentsExist(tx, documentIds, 'documentIds');
    await replaceDocumentLinks(tx, 'pledge_document', 'pledge_id', id, documentIds);
  }

  /** Bumps the pledge's version after a change of it or of its parts (updateVersioned). */
  async bumpVersion(tx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await updateVersioned(managerOf(this.database, tx), {
      table: 'pledge',
      id,
      expectedVersion,
      set: 'updated_at = now()',
      stampUpdatedAt: false,
      entityLabel: PLEDGE_LABEL,
    });
  }

  async setStatus(tx: RequestContext, id: string, status: PledgeStatus): Promise<void> {
    await managerOf(this.database, tx).query(`UPDATE pledge SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** Adds the next version of the pledge's criteria set. */
  async addCriteriaVersion(
    tx: RequestContext,
    pledgeId: string,
    content: CriteriaSetContent,
    maxTotal: number,
    createdBy: string,
  ): Promise<void> {
    await managerOf(this.database, tx).query(
      `INSERT INTO criteria_set (pledge_id, number, content, max_total, created_by)
       SELECT $1, COALESCE(max(number), 0) + 1, $2::jsonb, $3, $4 FROM criteria_set WHERE pledge_id = $1`,
      [pledgeId, JSON.stringify(content), maxTotal, createdBy],
    );
  }

  /** How many units have started a score sheet of the pledge. */
  async sheetCount(tx: RequestContext, pledgeId: string): Promise<number> {
    const [row] = (await managerOf(this.database, tx).query(`SELECT count(*)::int AS sheets FROM score_sheet WHERE pledge_id = $1`, [
      pledgeId,
    ])) as Array<{ sheets: number }>;
    return row.sheets;
  }

  /** Records the signing: the signatories replace the earlier ones. */
  async recordSigning(
    tx: RequestContext,
    id: string,
    signing: { signedOn: string; signingEvent: string; signingPlace: string | null; signatoryIds: string[] },
  ): Promise<void> {
    const db = managerOf(this.database, tx);
    await db.query(`DELETE FROM pledge_signatory WHERE pledge_id = $1`, [id]);
    await db.query(`INSERT INTO pledge_signatory (pledge_id, unit_id) SELECT $1, unnest($2::uuid[])`, [id, signing.signatoryIds]);
    await db.query(`UPDATE pledge SET signed_on = $2, signing_event = $3, signing_place = $4 WHERE id = $1`, [
      id,
      signing.signedOn,
      signing.signingEvent,
      signing.signingPlace,
    ]);
  }

  /** What the lifecycle's guards count: signatories (and those outside the bloc), registrations, submitted and accepted sheets. */
  async counts(tx: RequestContext, pledgeId: string, blocId: string): Promise<PledgeCounts> {
    const [row] = (await managerOf(this.database, tx).query(
      `SELECT (SELECT count(*) FROM pledge_signatory s WHERE s.pledge_id = $1)::int AS signatories,
              (SELECT count(*) FROM pledge_signatory s WHERE s.pledge_id = $1
                 AND NOT EXISTS (SELECT 1 FROM emulation_bloc_member m WHERE m.bloc_id = $2 AND m.unit_id = s.unit_id))::int AS outside,
              (SELECT count(*) FROM pledge_registration r WHERE r.pledge_id = $1)::int AS registered,
              (SELECT count(*) FROM score_sheet ss WHERE ss.pledge_id = $1 AND ss.status IN ('SUBMITTED', 'ACCEPTED'))::int AS submitted,
              (SELECT count(*) FROM score_sheet ss WHERE ss.pledge_id = $1 AND ss.status = 'ACCEPTED')::int AS accepted`,
      [pledgeId, blocId],
    )) as PledgeCounts[];
    return row;
  }

  /** Registrations of these pledges, in unit name order. */
  async registrationsOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<RegistrationRow[]> {
    return (await managerOf(this.database, ctx).query(
      `SELECT ${REGISTRATION_COLUMNS}, ru.path AS "unitPath" FROM pledge_registration r JOIN unit_directory ru ON ru.id = r.unit_id
       WHERE r.pledge_id = ANY($1::uuid[]) ORDER BY ru.name, ru.id`,
      [pledgeIds],
    )) as RegistrationRow[];
  }

  /** The unit's registration's id and version, locked, if it has registered. */
  async lockRegistration(tx: RequestContext, pledgeId: string, unitId: string): Promise<{ id: string; version: number } | undefined> {
    const [existing] = (await managerOf(this.database, tx).query(
      `SELECT id, version FROM pledge_registration WHERE pledge_id = $1 AND unit_id = $2 FOR UPDATE`,
      [pledgeId, unitId],
    )) as Array<{ id: string; version: number }>;
    return existing;
  }

  /** Rewrites a registration and bumps its version (updateVersioned). */
  async updateRegistration(tx: RequestContext, id: string, expectedVersion: number, targets: string, tasks: string): Promise<void> {
    await updateVersioned(managerOf(this.database, tx), {
      table: 'pledge_registration',
      id,
      expectedVersion,
      set: 'targets = $3::jsonb, breakthrough_tasks = $4::jsonb',
      values: [targets, tasks],
      entityLabel: 'bản đăng ký chỉ tiêu',
    });
  }

  async insertRegistration(tx: RequestContext, pledgeId: string, unitId: string, targets: string, tasks: string): Promise<void> {
    await translatePgErrors(
      () =>
        managerOf(this.database, tx).query(
          `INSERT INTO pledge_registration (pledge_id, unit_id, targets, breakthrough_tasks) VALUES ($1, $2, $3::jsonb, $4::jsonb)`,
          [pledgeId, unitId, targets, tasks],
        ),
      CONSTRAINT_ERRORS,
    );
  }

  /** Each signatory of these pledges: registered or not, its score sheet's status (in unit name order). */
  async signatoryProgressOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Array<SignatoryProgress & { pledgeId: string }>> {
    return (await managerOf(this.database, ctx).query(
      `SELECT s.pledge_id AS "pledgeId", ${unitRefJson('u')} AS unit,
         EXISTS (SELECT 1 FROM pledge_registration r WHERE r.pledge_id = s.pledge_id AND r.unit_id = s.unit_id) AS registered,
         (SELECT ss.status FROM score_sheet ss WHERE ss.pledge_id = s.pledge_id AND ss.unit_id = s.unit_id) AS "sheetStatus"
       FROM pledge_signatory s JOIN unit_directory u ON u.id = s.unit_id WHERE s.pledge_id = ANY($1::uuid[]) ORDER BY u.name, u.id`,
      [pledgeIds],
    )) as Array<SignatoryProgress & { pledgeId: string }>;
  }
}
