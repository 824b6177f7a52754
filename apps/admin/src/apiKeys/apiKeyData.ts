/**
 * API keys over GraphQL: `apiKeys`, `createApiKey`, `revokeApiKey`. Creating a key answers its secret,
 * shown once: like the accounts' one-time passwords it is a method of its own, never a cached record.
 * There is no query for one key, so keys are only listed (newest first, as the server sorts them).
 */
import { HttpError } from 'react-admin';
import type { GetListParams, GetManyReferenceParams, Identifier, RaRecord } from 'react-admin';
import { API_KEY_SCOPES } from '@danvan/contracts';
import type { Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { localDayEnd } from '../fields/localDay';
import { optionalText, toPageOptions } from '../data/listOptions';
import type { ApiKeyRecord, ApiKeyWithSecret } from './ApiKeyRecord';

const API_KEY_FIELDS = 'id name unitId unitName scopes prefix expiresAt revokedAt lastUsedAt createdBy createdAt';

export const API_KEYS_QUERY = {
  operationName: 'ApiKeys',
  query: `query ApiKeys($options: ApiKeyListOptions) { apiKeys(options: $options) { items { ${API_KEY_FIELDS} } totalItems } }`,
};
export const CREATE_API_KEY_MUTATION = {
  operationName: 'CreateApiKey',
  query: `mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { ${API_KEY_FIELDS} } secret } }`,
};
export const REVOKE_API_KEY_MUTATION = {
  operationName: 'RevokeApiKey',
  query: `mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`,
};

/** The inputs of the API key form. */
export const API_KEY_FORM_FIELDS: FormFields = { name: 'input', unitId: 'input', scopes: 'inputList', expiresAt: 'input' };

export interface ApiKeyListOptions {
  page: number;
  pageSize: number;
  filter?: { unitId?: string; includeInactive?: boolean };
}

export interface CreateApiKeyInput {
  name: string;
  unitId: string;
  scopes: string[];
  expiresAt: string | null;
}

/** react-admin list params → ApiKeyListOptions (filters: the unit, and whether revoked or expired keys show). */
export const toApiKeyListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>): ApiKeyListOptions => {
  const unitId = optionalText(params.filter?.unitId);
  const includeInactive = params.filter?.includeInactive === true;
  const filter = { ...(unitId ? { unitId } : {}), ...(includeInactive ? { includeInactive } : {}) };
  return { ...toPageOptions(params.pagination), ...(Object.keys(filter).length ? { filter } : {}) };
};

/**
 * Form values → CreateApiKeyInput. The expiry is picked as a day (dd/MM/yyyy): the key works until the end
 * of that day, 23:59:59 in the browser's time zone. Unknown scopes are dropped (the server would refuse them).
 */
export const toCreateApiKeyInput = (data: Record<string, unknown>): CreateApiKeyInput => ({
  name: typeof data.name === 'string' ? data.name.trim() : '',
  unitId: optionalText(data.unitId) ?? '',
  scopes: (Array.isArray(data.scopes) ? data.scopes : []).filter((scope): scope is string =>
    (API_KEY_SCOPES as readonly unknown[]).includes(scope),
  ),
  expiresAt: localDayEnd(data.expiresAt)?.replace(/\.\d{3}Z$/, 'Z') ?? null,
});

export interface ApiKeyMethods {
  createApiKey(data: Record<string, unknown>): Promise<ApiKeyWithSecret>;
  revokeApiKey(id: Identifier): Promise<ApiKeyRecord>;
}

const asRecord = <RecordType extends RaRecord>(key: ApiKeyRecord): RecordType => key as unknown as RecordType;

export const createApiKeysProvider = (execute: Execute): { provider: ResourceDataProvider; methods: ApiKeyMethods } => {
  const list = async (params: Pick<GetListParams, 'pagination' | 'filter' | 'signal'>) => {
    const { apiKeys } = await execute<{ apiKeys: { items: ApiKeyRecord[]; totalItems: number } }>(
      API_KEYS_QUERY,
      { options: toApiKeyListOptions(params) },
      { signal: params.signal },
    );
    return apiKeys;
  };

  return {
    provider: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { items, totalItems } = await list(params);
        return { data: items.map(asRecord<RecordType>), total: totalItems };
      },
      getManyReference: async <RecordType extends RaRecord>(_resource: string, params: GetManyReferenceParams) => {
        if (params.target !== 'unitId') throw new HttpError('danvan.errors.unsupported', 400);
        const { items, totalItems } = await list({ ...params, filter: { ...params.filter, unitId: params.id } });
        return { data: items.map(asRecord<RecordType>), total: totalItems };
      },
    },
    methods: {
      createApiKey: async (data) => {
        const { createApiKey } = await execute<{ createApiKey: ApiKeyWithSecret }>(
          CREATE_API_KEY_MUTATION,
          { input: toCreateApiKeyInput(data) },
          { errors: { formFields: API_KEY_FORM_FIELDS } },
        );
        return createApiKey;
      },
      revokeApiKey: async (id) => {
        const { revokeApiKey } = await execute<{ revokeApiKey: ApiKeyRecord }>(REVOKE_API_KEY_MUTATION, { id: String(id) });
        return revokeApiKey;
      },
    },
  };
};
