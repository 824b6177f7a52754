/** The audit trail over GraphQL (`auditEvents`): read-only, newest first, filtered on the server. */
import type { GetListParams, GetManyReferenceParams, RaRecord } from 'react-admin';
import { HttpError } from 'react-admin';
import type { Execute, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { localDayEnd, localDayStart } from '../fields/localDay';
import type { AuditEventRecord } from './AuditEventRecord';

const AUDIT_EVENT_FIELDS = 'id at actorType actorId actorLabel actorUnitId entity entityId action changes requestId';

export const AUDIT_EVENTS_QUERY = {
  operationName: 'AuditEvents',
  query: `query AuditEvents($options: AuditEventListOptions) { auditEvents(options: $options) { items { ${AUDIT_EVENT_FIELDS} } totalItems } }`,
};

export interface AuditEventListOptions {
  page: number;
  pageSize: number;
  filter?: { entity?: string; entityId?: string; action?: string; actorId?: string; from?: string; to?: string };
}

/**
 * react-admin list params → AuditEventListOptions. The date range is picked as days (dd/MM/yyyy): `from`
 * is the start of the first day and `to` the end of the last one, in the browser's time zone.
 */
export const toAuditEventListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>): AuditEventListOptions => {
  const filter = params.filter ?? {};
  const sent = compact({
    entity: optionalText(filter.entity),
    entityId: optionalText(filter.entityId),
    action: optionalText(filter.action),
    actorId: optionalText(filter.actorId),
    from: localDayStart(filter.from),
    to: localDayEnd(filter.to),
  });
  return { ...toPageOptions(params.pagination), ...(sent ? { filter: sent } : {}) };
};

const asRecord = <RecordType extends RaRecord>(event: AuditEventRecord): RecordType => event as unknown as RecordType;

export const createAuditEventsProvider = (execute: Execute): ResourceDataProvider => {
  const list = async (params: Pick<GetListParams, 'pagination' | 'filter' | 'signal'>) => {
    const { auditEvents } = await execute<{ auditEvents: { items: AuditEventRecord[]; totalItems: number } }>(
      AUDIT_EVENTS_QUERY,
      { options: toAuditEventListOptions(params) },
      { signal: params.signal },
    );
    return auditEvents;
  };
  return {
    getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
      const { items, totalItems } = await list(params);
      return { data: items.map(asRecord<RecordType>), total: totalItems };
    },
    // The history of one record: target `entityId` (with `entity` in the filter).
    getManyReference: async <RecordType extends RaRecord>(_resource: string, params: GetManyReferenceParams) => {
      if (params.target !== 'entityId') throw new HttpError('danvan.errors.unsupported', 400);
      const { items, totalItems } = await list({ ...params, filter: { ...params.filter, entityId: params.id } });
      return { data: items.map(asRecord<RecordType>), total: totalItems };
    },
  };
};
