/**
 * Accounts over GraphQL: `accountList`, `account`, `createAccount`, `updateAccount`, `resetAccountPassword`.
 * Creating an account and resetting its password answer a one-time password: those two are methods of
 * their own (not react-admin's `create`), so the password goes to the dialog that shows it once and never
 * into react-admin's record cache.
 */
import { HttpError } from 'react-admin';
import type { GetListParams, GetManyParams, GetManyReferenceParams, GetOneParams, Identifier, RaRecord, UpdateParams } from 'react-admin';
import { ROLES, type Role } from '@danvan/contracts';
import type { Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import type { AccountRecord, AccountWithPassword } from './AccountRecord';

const ACCOUNT_FIELDS = `id username displayName role unitId unitName active mustChangePassword lockedUntil lastLoginAt
  version createdAt updatedAt`;

export const ACCOUNTS_QUERY = {
  operationName: 'Accounts',
  query: `query Accounts($options: AccountListOptions) { accountList(options: $options) { items { ${ACCOUNT_FIELDS} } totalItems } }`,
};
export const ACCOUNT_QUERY = {
  operationName: 'Account',
  query: `query Account($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} } }`,
};
export const CREATE_ACCOUNT_MUTATION = {
  operationName: 'CreateAccount',
  query: `mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { account { ${ACCOUNT_FIELDS} } oneTimePassword } }`,
};
export const UPDATE_ACCOUNT_MUTATION = {
  operationName: 'UpdateAccount',
  query: `mutation UpdateAccount($id: ID!, $expectedVersion: Int!, $input: UpdateAccountInput!) {
  updateAccount(id: $id, expectedVersion: $expectedVersion, input: $input) { ${ACCOUNT_FIELDS} } }`,
};
export const RESET_ACCOUNT_PASSWORD_MUTATION = {
  operationName: 'ResetAccountPassword',
  query: `mutation ResetAccountPassword($id: ID!) { resetAccountPassword(id: $id) { account { ${ACCOUNT_FIELDS} } oneTimePassword } }`,
};

/** Translation key shown when an account was changed by someone else since the form was loaded. */
export const ACCOUNT_VERSION_CONFLICT_MESSAGE = 'danvan.errors.accountVersionConflict';

/** The inputs of the account forms (server field errors land beside them). */
export const ACCOUNT_FORM_FIELDS: FormFields = {
  username: 'input',
  displayName: 'input',
  role: 'input',
  unitId: 'input',
  active: 'input',
};

const ERRORS = { formFields: ACCOUNT_FORM_FIELDS, conflictMessage: ACCOUNT_VERSION_CONFLICT_MESSAGE };

export interface AccountFilterInput {
  search?: string;
  role?: Role;
  unitId?: string;
}

export interface AccountListOptions {
  page: number;
  pageSize: number;
  filter?: AccountFilterInput;
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
}

export interface UpdateAccountInput {
  displayName?: string;
  role?: string;
  unitId?: string | null;
  active?: boolean;
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** react-admin filter values → AccountFilter (`q` is the search box). */
export const toAccountFilter = (filter: Record<string, unknown> | undefined): AccountFilterInput | undefined =>
  filter
    ? compact<AccountFilterInput>({
        search: optionalText(filter.q ?? filter.search),
        role: isRole(filter.role) ? filter.role : undefined,
        unitId: optionalText(filter.unitId),
      })
    : undefined;

export const toAccountListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>): AccountListOptions => {
  const filter = toAccountFilter(params.filter);
  return { ...toPageOptions(params.pagination), ...(filter ? { filter } : {}) };
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Form values → CreateAccountInput. Usernames are lower case on the server (sign-in ignores case), so what
 * is typed is lowered; an administrator may have no unit (null), everyone else sends the unit chosen.
 */
export const toCreateAccountInput = (data: Record<string, unknown>): CreateAccountInput => ({
  username: text(data.username).toLowerCase(),
  displayName: text(data.displayName),
  role: text(data.role),
  unitId: optionalText(data.unitId) ?? null,
});

/**
 * Form values → UpdateAccountInput with only what changed since the record was read: the server refuses
 * a role sent for one's own account even when unchanged, and an unchanged field has nothing to say.
 */
export const toUpdateAccountInput = (data: Record<string, unknown>, previous: Partial<AccountRecord> | undefined): UpdateAccountInput => {
  const input: UpdateAccountInput = {};
  const displayName = text(data.displayName);
  if ('displayName' in data && displayName !== previous?.displayName) input.displayName = displayName;
  if (isRole(data.role) && data.role !== previous?.role) input.role = data.role;
  const unitId = optionalText(data.unitId) ?? null;
  if ('unitId' in data && unitId !== (previous?.unitId ?? null)) input.unitId = unitId;
  if (typeof data.active === 'boolean' && data.active !== previous?.active) input.active = data.active;
  return input;
};

export const toUpdateAccountVariables = (params: Pick<UpdateParams, 'id' | 'data' | 'previousData'>) => {
  const version: unknown = params.previousData?.version;
  if (typeof version !== 'number') throw new HttpError('danvan.errors.versionMissing', 400);
  return {
    id: String(params.id),
    expectedVersion: version,
    input: toUpdateAccountInput(params.data as Record<string, unknown>, params.previousData as Partial<AccountRecord>),
  };
};

/** The operations that show a one-time password (see the module comment). */
export interface AccountMethods {
  createAccount(data: Record<string, unknown>): Promise<AccountWithPassword>;
  resetAccountPassword(id: Identifier): Promise<AccountWithPassword>;
}

const asRecord = <RecordType extends RaRecord>(account: AccountRecord): RecordType => account as unknown as RecordType;

export const createAccountsProvider = (execute: Execute): { provider: ResourceDataProvider; methods: AccountMethods } => {
  const fetchOne = async (id: Identifier, signal?: AbortSignal): Promise<AccountRecord> => {
    const { account } = await execute<{ account: AccountRecord | null }>(ACCOUNT_QUERY, { id: String(id) }, { signal, errors: ERRORS });
    if (!account) throw new HttpError('danvan.errors.accountNotFound', 404);
    return account;
  };

  const list = async (params: Pick<GetListParams, 'pagination' | 'filter' | 'signal'>) => {
    const { accountList } = await execute<{ accountList: { items: AccountRecord[]; totalItems: number } }>(
      ACCOUNTS_QUERY,
      { options: toAccountListOptions(params) },
      { signal: params.signal },
    );
    return accountList;
  };

  return {
    provider: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { items, totalItems } = await list(params);
        return { data: items.map(asRecord<RecordType>), total: totalItems };
      },

      getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({
        data: asRecord<RecordType>(await fetchOne(params.id, params.signal)),
      }),

      // No filter by ids on the server: one `account` each, at once; accounts out of reach are left out.
      getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => {
        const ids = [...new Set(params.ids.map(String))];
        const results = await Promise.allSettled(ids.map((id) => fetchOne(id, params.signal)));
        const failure = results.find(
          (result): result is PromiseRejectedResult =>
            result.status === 'rejected' && !(result.reason instanceof HttpError && result.reason.status === 404),
        );
        if (failure) throw failure.reason;
        return {
          data: results.flatMap((result) => (result.status === 'fulfilled' ? [asRecord<RecordType>(result.value)] : [])),
        };
      },

      // The accounts of a unit (e.g. on the unit's page).
      getManyReference: async <RecordType extends RaRecord>(_resource: string, params: GetManyReferenceParams) => {
        if (params.target !== 'unitId') throw new HttpError('danvan.errors.unsupported', 400);
        const { items, totalItems } = await list({ ...params, filter: { ...params.filter, unitId: params.id } });
        return { data: items.map(asRecord<RecordType>), total: totalItems };
      },

      update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
        const { updateAccount } = await execute<{ updateAccount: AccountRecord }>(
          UPDATE_ACCOUNT_MUTATION,
          toUpdateAccountVariables(params),
          {
            errors: ERRORS,
          },
        );
        return { data: asRecord<RecordType>(updateAccount) };
      },
    },
    methods: {
      createAccount: async (data) => {
        const { createAccount } = await execute<{ createAccount: AccountWithPassword }>(
          CREATE_ACCOUNT_MUTATION,
          { input: toCreateAccountInput(data) },
          { errors: ERRORS },
        );
        return createAccount;
      },
      resetAccountPassword: async (id) => {
        const { resetAccountPassword } = await execute<{ resetAccountPassword: AccountWithPassword }>(
          RESET_ACCOUNT_PASSWORD_MUTATION,
          { id: String(id) },
          { errors: ERRORS },
        );
        return resetAccountPassword;
      },
    },
  };
};
