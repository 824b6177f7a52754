/**
 * The react-admin methods of a versioned GraphQL resource (list, one, many, create, update with the version
 * read), written once: a resource names its operations, how a record is made from the server's view, and how
 * form values become its inputs. Blocs, movements and pledges are served this way.
 */
import type { CreateParams, GetListParams, GetManyParams, GetOneParams, Identifier, RaRecord, UpdateParams } from 'react-admin';
import type { ErrorMapping, Execute, Operation, ResourceDataProvider } from '../dataProvider';
import { fetchEach } from './fetchEach';
import { asRecord, versionOf } from './values';

/** An operation and the field of `data` its answer is under (`blocs`, `createBloc` …). */
export interface FieldOperation {
  operation: Operation;
  field: string;
}

export interface GraphQLResourceSpec<View, Rec> {
  /** The page query; its `options` variable comes from react-admin's list parameters. */
  list: FieldOperation & { options: (params: GetListParams) => unknown };
  one: FieldOperation;
  create: FieldOperation & { input: (data: Record<string, unknown>) => unknown };
  /** Called with `id`, `expectedVersion` (the version the form read) and `input`. */
  update: FieldOperation & { input: (data: Record<string, unknown>, previous: Partial<Rec> | undefined) => unknown };
  toRecord: (view: View) => Rec;
  /** Where field errors go and which message a version conflict shows (reads of one record too). */
  errors: ErrorMapping;
}

export const createGraphQLResourceProvider = <View, Rec extends { id: string }>(
  execute: Execute,
  spec: GraphQLResourceSpec<View, Rec>,
): ResourceDataProvider => {
  const run = async (op: FieldOperation, variables: Record<string, unknown>, options: Parameters<Execute>[2]): Promise<View> =>
    (await execute<Record<string, View>>(op.operation, variables, options))[op.field];
  const fetchOne = async (id: Identifier, signal?: AbortSignal): Promise<Rec> =>
    spec.toRecord(await run(spec.one, { id: String(id) }, { signal, errors: spec.errors }));

  return {
    getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
      const page = await execute<Record<string, { items: View[]; totalItems: number }>>(
        spec.list.operation,
        { options: spec.list.options(params) },
        { signal: params.signal },
      );
      const { items, totalItems } = page[spec.list.field];
      return { data: items.map((item) => asRecord<RecordType>(spec.toRecord(item))), total: totalItems };
    },

    getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({
      data: asRecord<RecordType>(await fetchOne(params.id, params.signal)),
    }),

    getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
      data: (await fetchEach(params.ids, (id) => fetchOne(id, params.signal))).map(asRecord<RecordType>),
    }),

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      _resource: string,
      params: CreateParams,
    ) => {
      const created = await run(spec.create, { input: spec.create.input(params.data ?? {}) }, { errors: spec.errors });
      return { data: asRecord<ResultRecordType>(spec.toRecord(created)) };
    },

    update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
      const updated = await run(
        spec.update,
        {
          id: String(params.id),
          expectedVersion: versionOf(params.previousData),
          input: spec.update.input(params.data as Record<string, unknown>, params.previousData as Partial<Rec> | undefined),
        },
        { errors: spec.errors },
      );
      return { data: asRecord<RecordType>(spec.toRecord(updated)) };
    },
  };
};
