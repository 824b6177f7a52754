import { randomUUID } from 'node:crypto';
import type { Role, UnitKind, UnitLevel } from '@danvan/contracts';
import type { RequestContext } from '@danvan/core';
import { hashPassword, type AccountRepository } from '@danvan/identity';
import type { CreateUnitInput, UnitService, UnitView } from '@danvan/units';

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  role: Role;
}

let sequence = 0;

/** Valid records in one line, so a test states only what matters to it. */
export class TestFactories {
  constructor(
    private readonly units: UnitService,
    private readonly accounts: AccountRepository,
    private readonly ctx: RequestContext,
  ) {}

  /** An account with a known password (no password change pending). */
  async account(options: { role: Role; unitId: string | null; password?: string; mustChangePassword?: boolean }): Promise<TestAccount> {
    sequence++;
    const username = `tk${sequence}-${process.pid}`;
    const password = options.password ?? `Mk-${randomUUID()}`;
    const id = randomUUID();
    await this.accounts.insert(this.ctx, {
      id,
      username,
      displayName: `Cán bộ thử ${sequence}`,
      role: options.role,
      unitId: options.unitId,
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? false,
    });
    return { id, username, password, role: options.role };
  }

  /** A unit; level defaults to the parent's or PROVINCE, code to a unique one. */
  async unit(overrides: Partial<CreateUnitInput> & { parent?: UnitView } = {}): Promise<UnitView> {
    sequence++;
    const { parent, ...input } = overrides;
    const level: UnitLevel = input.level ?? parent?.level ?? 'PROVINCE';
    const kind: UnitKind = input.kind ?? 'MASS_MOBILISATION_COMMISSION';
    return this.units.create(this.ctx, {
      code: `T-${process.pid}-${sequence}`,
      name: `Đơn vị thử ${sequence}`,
      kind,
      level,
      parentId: parent?.id ?? null,
      ...input,
    });
  }

  /** A chain of units, each the child of the previous one (root first). */
  async chain(length: number): Promise<UnitView[]> {
    const chain: UnitView[] = [];
    for (let i = 0; i < length; i++) chain.push(await this.unit({ parent: chain[i - 1], level: 'PROVINCE' }));
    return chain;
  }
}
