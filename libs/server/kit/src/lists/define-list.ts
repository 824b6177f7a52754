import { Field, ID, InputType, Int, ObjectType, registerEnumType, type ReturnTypeFunc } from '@nestjs/graphql';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type SortOrder } from '@danvan/contracts';
import {
  fetchPage,
  IsDateOrDateTime,
  IsLocalDate,
  LocalDateScalar,
  PageOptions,
  restSort,
  TOTAL_IS_EXACT_DESCRIPTION,
  type FilterCondition,
  type ListQuerySpec,
  type ListRequest,
  type Queryable,
  type RequestContext,
  type SortSpec,
  type SqlParams,
} from '@danvan/core';
import { nextCalendarDay, startOfVietnamDay, type ListFilter } from './list-filters.js';

/** The values of a declaration's filters, by filter name. */
export type FilterValues<F> = { [K in keyof F]?: F[K] extends ListFilter<infer V> ? V : never };

/** What a caller may ask of a list before the defaults: any of page, page size, sort and filter. */
export interface ListInput<TSort extends string, TFilter> {
  page?: number;
  pageSize?: number;
  sort?: SortSpec<TSort> | { field: TSort; order?: SortOrder };
  filter?: TFilter;
}

/** The query string of a REST list as the generated DTO receives it. */
export type RestListQuery = PageOptions & { sort?: string } & Record<string, unknown>;

/** GraphQL `options { filter, sort, page, pageSize }` as the generated input receives it. */
export interface ListOptions<TSort extends string, TFilter> {
  page?: number;
  pageSize?: number;
  sort?: { field: TSort; order?: SortOrder };
  filter?: TFilter;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a declaration holds filters of every value type
type AnyFilters = Record<string, ListFilter<any>>;

export interface ListDeclaration<TSort extends string, F extends AnyFilters> {
  /** The resource's GraphQL/OpenAPI name: `Unit` gives UnitFilter, UnitSort, UnitSortField, UnitListOptions, UnitPage. */
  name: string;
  /** Vietnamese name of the rows listed, for descriptions ("đơn vị"). */
  label: string;
  /** FROM clause with alias, e.g. `unit u`, and select list. */
  from: string;
  select: string;
  /**
   * Unique column (or columns ending with a unique one: `b.name, b.id`) appended to every ORDER BY so pages
   * are stable: leading columns ascending (reading order), the unique one in the sort field's direction
   * (`-year`: `year DESC, name ASC, id DESC`).
   */
  tieBreaker: string;
  sort: {
    /** The allow-list: sort field → SQL; its order is the order of the published enum. */
    columns: Record<TSort, string>;
    /** Vietnamese description of each sort field (GraphQL enum values). */
    labels: Record<NoInfer<TSort>, string>;
    default: SortSpec<NoInfer<TSort>>;
  };
  filters: F;
  /**
   * Name of the GraphQL page type when it is not `<name>List` (a name published before the list was
   * declared, e.g. `ModelPracticeList` for `Model`).
   */
  graphqlPageName?: string;
}

/** One page of a list as GraphQL publishes it (`BlocList`, `UnitList` …). */
export interface GraphqlPage<V> {
  items: V[];
  totalItems: number;
  totalIsExact: boolean;
}

/** A declared list: everything the REST and GraphQL layers and the service need, derived from one declaration. */
export interface ResourceList<TSort extends string, TFilter extends object> {
  readonly name: string;
  /** The SQL engine's spec (fetchPage). */
  readonly spec: ListQuerySpec<TSort, TFilter>;
  /** The sort allow-list in declaration order. */
  readonly sortFields: readonly TSort[];
  /** REST query string DTO: page, pageSize, `sort` (`name`, `-name`) and the REST filters. */
  readonly RestQuery: new () => RestListQuery;
  /** The same without page and pageSize (a printed export). */
  readonly RestExportQuery: new () => Omit<RestListQuery, 'page' | 'pageSize'>;
  /** GraphQL input `<Name>ListOptions { filter, sort, page, pageSize }`. */
  readonly Options: new () => ListOptions<TSort, TFilter>;
  /** The OpenAPI page schema `<Name>Page` of a view class (named component, every member required). */
  page(view: object): new () => Page<unknown>;
  /**
   * The GraphQL page type `<Name>List { items, totalItems, totalIsExact }` of an @ObjectType view, with
   * Vietnamese descriptions from the list's label; one per list (a second view is a programming error).
   * Call it when the resolver's module loads (`const BlocList = BLOC_LIST.graphqlPage(BlocView)`), not inside
   * `@Query(() => …)`: a type declared while the schema is being built is not registered.
   */
  graphqlPage<V>(view: abstract new (...args: never[]) => V): new () => GraphqlPage<V>;
  /** The list request of a REST query string; `fixed` filters come from the path (`/units/:id/children`). */
  fromRest(query: object, fixed?: Partial<TFilter>): ListInput<TSort, TFilter>;
  /** The list request of GraphQL options. */
  fromOptions(options: ListOptions<TSort, TFilter> | undefined | null): ListInput<TSort, TFilter>;
  /** The one place the page defaults are applied: page 1, DEFAULT_PAGE_SIZE rows, the declared sort. */
  request(input: ListInput<TSort, TFilter>): ListRequest<TSort, TFilter>;
  /** One page of rows (see fetchPage for scope and ctx). */
  fetch<Row>(
    db: Queryable,
    input: ListInput<TSort, TFilter>,
    scope?: (params: SqlParams) => string | null,
    ctx?: RequestContext,
  ): Promise<Page<Row>>;
}

/** The filter values of a declared list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches any sort type
export type FilterOf<L> = L extends ResourceList<any, infer F> ? F : never;

/** Sort order of every GraphQL list. */
export const SortOrderEnum = { ASC: 'asc', DESC: 'desc' } as const;
registerEnumType(SortOrderEnum, {
  name: 'SortOrder',
  description: 'Thứ tự sắp xếp.',
  valuesMap: { ASC: { description: 'Tăng dần (A → Z, cũ → mới).' }, DESC: { description: 'Giảm dần (Z → A, mới → cũ).' } },
});

/** GraphQL enum names are UPPER_SNAKE names of the REST values (shortName → SHORT_NAME). */
export function enumKey(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A query-string list (`kind=A,B` or `kind=A&kind=B`) as an array. */
const QueryList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  );

const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value), { toClassOnly: true });

function named<T extends abstract new (...args: never[]) => unknown>(name: string, cls: T): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

function apply(target: object, key: string, decorators: PropertyDecorator[]): void {
  for (const decorate of decorators) decorate(target, key);
}

function messages(filter: ListFilter<unknown>) {
  return filter.message ? { message: filter.message } : {};
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a range's bounds are in order, as the SQL reads them: two calendar dates by date; otherwise
 * instants, a date naming a day in Vietnam (`from` its first instant, `to` up to its end, exclusive).
 */
function boundsInOrder(from: string, to: string): boolean {
  const fromIsDate = LOCAL_DATE.test(from);
  const toIsDate = LOCAL_DATE.test(to);
  if ((fromIsDate && !realDate(from)) || (toIsDate && !realDate(to))) return true; // refused on its own field
  if (fromIsDate && toIsDate) return from <= to;
  const start = Date.parse(fromIsDate ? startOfVietnamDay(from) : from);
  const end = Date.parse(toIsDate ? startOfVietnamDay(nextCalendarDay(to)) : to);
  if (Number.isNaN(start) || Number.isNaN(end)) return true;
  return toIsDate ? start < end : start <= end;
}

/** yyyy-MM-dd naming a day of the calendar (not 2024-02-30). */
function realDate(date: string): boolean {
  return LOCAL_DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/**
 * A range's upper bound is not before its lower bound (the property `lowerName` of the same
 * query or filter object). Only two well-formed values are compared: a malformed one has its own error.
 */
function NotBefore(lowerName: string, upperName: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBefore',
    constraints: [lowerName],
    validator: {
      validate: (value: unknown, args) => {
        const lower = (args?.object as Record<string, unknown> | undefined)?.[lowerName];
        return typeof value !== 'string' || typeof lower !== 'string' || boundsInOrder(lower, value);
      },
      defaultMessage: () => `${upperName} không được trước ${lowerName} (khoảng thời gian bị đảo ngược).`,
    },
  });
}

/**
 * class-validator checks of a filter value, the same over REST and GraphQL (REST adds the query-string
 * parsing); `nameOf` gives a filter's name on that transport (a range's bound refers to the other one).
 */
function checks(filter: ListFilter<unknown>, name: string, nameOf: (key: string) => string): PropertyDecorator[] {
  const range = filter.notBefore ? [NotBefore(nameOf(filter.notBefore), name)] : [];
  return [...valueChecks(filter), ...range];
}

function valueChecks(filter: ListFilter<unknown>): PropertyDecorator[] {
  const m = messages(filter);
  switch (filter.kind) {
    case 'text':
    case 'string':
      return [
        IsString(m),
        MaxLength(filter.maxLength ?? 100, {
          message:
            filter.message ??
            `${filter.kind === 'text' ? 'Chuỗi tìm kiếm' : 'Giá trị lọc'} không được dài quá ${filter.maxLength ?? 100} ký tự.`,
        }),
      ];
    case 'strings':
      return [
        IsArray(m),
        ArrayMaxSize(filter.maxItems ?? MAX_PAGE_SIZE, m),
        IsString({ each: true, ...m }),
        MaxLength(filter.maxLength ?? 100, { each: true, ...m }),
      ];
    case 'id':
      return [IsUUID('all', m)];
    case 'ids':
      return [IsArray(m), ArrayMaxSize(filter.maxItems ?? MAX_PAGE_SIZE, m), IsUUID('all', { each: true, ...m })];
    case 'enums':
      return [IsArray(m), IsIn(filter.values as string[], { each: true, ...m })];
    case 'enum':
      return [IsIn(filter.values as string[], m)];
    case 'date':
      return [IsLocalDate(m)];
    case 'dateTime':
      return [IsDateOrDateTime(m)];
    case 'int':
      return [IsInt(m), Min(filter.min ?? 0, m), Max(filter.max ?? Number.MAX_SAFE_INTEGER, m)];
    case 'boolean':
      return [IsBoolean(m)];
  }
}

function restDecorators(filter: ListFilter<unknown>): PropertyDecorator[] {
  const base = { required: false, description: filter.description };
  switch (filter.kind) {
    case 'text':
    case 'string':
      return [ApiProperty({ ...base, type: String, maxLength: filter.maxLength ?? 100 })];
    case 'strings':
      return [ApiProperty({ ...base, type: String, isArray: true, maxItems: filter.maxItems, maxLength: filter.maxLength }), QueryList()];
    case 'id':
      return [ApiProperty({ ...base, type: String, format: 'uuid' })];
    case 'ids':
      return [
        ApiProperty({ ...base, type: String, format: 'uuid', isArray: true, maxItems: filter.maxItems ?? MAX_PAGE_SIZE }),
        QueryList(),
      ];
    case 'enums':
      return [ApiProperty({ ...base, enum: filter.values as string[], isArray: true }), QueryList()];
    case 'enum':
      return [ApiProperty({ ...base, enum: filter.values as string[] })];
    case 'date':
      return [ApiProperty({ ...base, type: String, format: 'date' })];
    case 'dateTime':
      return [ApiProperty({ ...base, type: String })];
    case 'int':
      return [ApiProperty({ ...base, type: 'integer', minimum: filter.min, maximum: filter.max }), Type(() => Number)];
    case 'boolean':
      return [ApiProperty({ ...base, type: Boolean }), QueryBoolean()];
  }
}

function graphqlType(filter: ListFilter<unknown>): ReturnTypeFunc {
  switch (filter.kind) {
    case 'text':
    case 'string':
    case 'dateTime':
      return () => String;
    case 'id':
      return () => ID;
    case 'ids':
      return () => [ID];
    case 'strings':
      return () => [String];
    case 'enums':
      return () => [filter.graphqlEnum as object];
    case 'enum':
      return () => filter.graphqlEnum as object;
    case 'date':
      return () => LocalDateScalar;
    case 'int':
      return () => Int;
    case 'boolean':
      return () => Boolean;
  }
}

/**
 * Declares a resource's list once: its filters (SQL and value type), sort
 * allow-list, default sort. Everything else follows from it: the ListQuerySpec
 * fetchPage runs, the REST query DTO, the GraphQL `options` input (with
 * Vietnamese descriptions), the OpenAPI page schema, and the page defaults.
 */
export function defineList<TSort extends string, F extends AnyFilters>(
  declaration: ListDeclaration<TSort, F>,
): ResourceList<TSort, FilterValues<F>> {
  type TFilter = FilterValues<F>;
  const { name, label } = declaration;
  const entries = Object.entries(declaration.filters) as Array<[keyof TFilter & string, ListFilter<unknown>]>;
  const sortFields = Object.keys(declaration.sort.columns) as TSort[];

  const spec: ListQuerySpec<TSort, TFilter> = {
    from: declaration.from,
    select: declaration.select,
    sortColumns: declaration.sort.columns,
    tieBreaker: declaration.tieBreaker,
    defaultSort: declaration.sort.default,
    filters: Object.fromEntries(entries.map(([key, filter]) => [key, filter.sql])) as {
      [K in keyof TFilter]-?: FilterCondition<NonNullable<TFilter[K]>>;
    },
    unitFilters: entries.filter(([, filter]) => filter.namesUnit).map(([key]) => key),
  };

  // REST: the query string.
  const restSortValues = sortFields.flatMap((field) => [field, `-${field}`]);
  const defaultSort = `${declaration.sort.default.order === 'desc' ? '-' : ''}${declaration.sort.default.field}`;
  const RestQuery = named(`${name}ListQuery`, class extends PageOptions {});
  apply(RestQuery.prototype, 'sort', [
    ApiProperty({
      required: false,
      enum: restSortValues,
      description: `Trường sắp xếp; thêm "-" phía trước để giảm dần. Mặc định: ${defaultSort}.`,
    }),
    IsOptional(),
    IsIn(restSortValues, { message: `Chỉ được sắp xếp theo: ${sortFields.join(', ')} (thêm "-" phía trước để giảm dần).` }),
  ]);
  for (const [key, filter] of entries) {
    const lower = filter.notBefore ? declaration.filters[filter.notBefore] : undefined;
    if (filter.notBefore && (!lower || lower.kind !== filter.kind || lower.rest === false || lower.graphql === false))
      throw new Error(`${name} list: ${key}.notBefore must name a ${filter.kind} filter on the same transports.`);
  }
  const restNameOf = (key: string) => declaration.filters[key].rest || key;
  const restNames = new Map<string, keyof TFilter & string>();
  for (const [key, filter] of entries) {
    if (filter.rest === false) continue;
    const param = restNameOf(key);
    restNames.set(param, key);
    apply(RestQuery.prototype, param, [...restDecorators(filter), IsOptional(), ...checks(filter, param, restNameOf)]);
  }
  const RestExportQuery = named(`${name}ExportQuery`, class extends OmitType(RestQuery, ['page', 'pageSize'] as const) {});

  // GraphQL: options { filter, sort, page, pageSize }.
  const sortEnum = Object.fromEntries(sortFields.map((field) => [enumKey(field), field]));
  registerEnumType(sortEnum, {
    name: `${name}SortField`,
    description: `Các trường có thể sắp xếp danh sách ${label}.`,
    valuesMap: Object.fromEntries(sortFields.map((field) => [enumKey(field), { description: declaration.sort.labels[field] }])),
  });
  const Sort = named(`${name}Sort`, class {});
  InputType(`${name}Sort`, { description: `Sắp xếp danh sách ${label}.` })(Sort);
  apply(Sort.prototype, 'field', [
    Field(() => sortEnum, { description: 'Trường sắp xếp.' }),
    IsIn(sortFields, { message: `Chỉ được sắp xếp theo: ${sortFields.join(', ')}.` }),
  ]);
  apply(Sort.prototype, 'order', [
    Field(() => SortOrderEnum, { defaultValue: 'asc', description: 'Thứ tự; mặc định tăng dần.' }),
    IsOptional(),
    IsIn(['asc', 'desc']),
  ]);

  const Filter = named(`${name}Filter`, class {});
  InputType(`${name}Filter`, { description: `Điều kiện lọc danh sách ${label}; các điều kiện cùng phải thỏa (AND).` })(Filter);
  for (const [key, filter] of entries) {
    if (filter.graphql === false) continue;
    apply(Filter.prototype, key, [
      Field(graphqlType(filter), { nullable: true, description: filter.description }),
      IsOptional(),
      ...checks(filter, key, (other) => other),
    ]);
  }

  const Options = named(`${name}ListOptions`, class extends PageOptions {});
  InputType(`${name}ListOptions`, { description: `Phân trang, sắp xếp và lọc danh sách ${label}.` })(Options);
  apply(Options.prototype, 'sort', [
    Field(() => Sort, { nullable: true, description: `Sắp xếp; mặc định theo ${enumKey(declaration.sort.default.field)}.` }),
    IsOptional(),
    ValidateNested(),
    Type(() => Sort),
  ]);
  apply(Options.prototype, 'filter', [
    Field(() => Filter, { nullable: true, description: 'Điều kiện lọc.' }),
    IsOptional(),
    ValidateNested(),
    Type(() => Filter),
  ]);

  const pages = new Map<object, new () => Page<unknown>>();
  let graphqlPage: { view: object; type: new () => GraphqlPage<unknown> } | undefined;
  const request = (input: ListInput<TSort, TFilter>): ListRequest<TSort, TFilter> => ({
    page: input.page ?? 1,
    pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
    sort: input.sort ? { field: input.sort.field, order: input.sort.order ?? 'asc' } : undefined,
    filter: input.filter,
  });

  return {
    name,
    spec,
    sortFields,
    RestQuery: RestQuery as unknown as new () => RestListQuery,
    RestExportQuery: RestExportQuery as unknown as new () => Omit<RestListQuery, 'page' | 'pageSize'>,
    Options: Options as unknown as new () => ListOptions<TSort, TFilter>,
    page(view) {
      let page = pages.get(view);
      if (!page) {
        page = pageSchema(`${name}Page`, view);
        pages.set(view, page);
      }
      return page;
    },
    graphqlPage<V>(view: abstract new (...args: never[]) => V) {
      if (!graphqlPage) graphqlPage = { view, type: graphqlPageType(declaration.graphqlPageName ?? `${name}List`, label, view) };
      else if (graphqlPage.view !== view)
        throw new Error(`${name} list: its GraphQL page already lists ${(graphqlPage.view as { name: string }).name}.`);
      return graphqlPage.type as new () => GraphqlPage<V>;
    },
    fromRest(query, fixed) {
      const q = query as RestListQuery;
      const filter: Record<string, unknown> = {};
      for (const [param, key] of restNames) if (q[param] !== undefined) filter[key] = q[param];
      for (const [key, value] of Object.entries(fixed ?? {})) if (value !== undefined) filter[key] = value;
      return { page: q.page, pageSize: q.pageSize, sort: restSort<TSort>(q.sort), filter: filter as TFilter };
    },
    fromOptions(options) {
      return { page: options?.page, pageSize: options?.pageSize, sort: options?.sort, filter: options?.filter };
    },
    request,
    fetch<Row>(db: Queryable, input: ListInput<TSort, TFilter>, scope?: (params: SqlParams) => string | null, ctx?: RequestContext) {
      return fetchPage<Row, TSort, TFilter & object>(db, spec as ListQuerySpec<TSort, TFilter & object>, request(input), scope, ctx);
    },
  };
}

/** The OpenAPI schema of one page of `view`: a named component whose five members are all required. */
export function pageSchema(name: string, view: object): new () => Page<unknown> {
  const PageClass = named(name, class {});
  apply(PageClass.prototype, 'items', [ApiProperty({ type: view as new () => unknown, isArray: true, maxItems: MAX_PAGE_SIZE })]);
  apply(PageClass.prototype, 'totalItems', [
    ApiProperty({
      type: 'integer',
      format: 'int32',
      minimum: 0,
      description: 'Số bản ghi khớp điều kiện lọc (một cận dưới khi totalIsExact là false)',
    }),
  ]);
  apply(PageClass.prototype, 'totalIsExact', [ApiProperty({ type: 'boolean', description: TOTAL_IS_EXACT_DESCRIPTION })]);
  apply(PageClass.prototype, 'page', [ApiProperty({ type: 'integer', format: 'int32', minimum: 1 })]);
  apply(PageClass.prototype, 'pageSize', [ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE })]);
  return PageClass as unknown as new () => Page<unknown>;
}

/** The GraphQL page type of `view` (see ResourceList.graphqlPage). */
function graphqlPageType(name: string, label: string, view: object): new () => GraphqlPage<unknown> {
  const PageClass = named(name, class {});
  ObjectType(name, { description: `Một trang ${label} và tổng số ${label} khớp điều kiện.` })(PageClass);
  apply(PageClass.prototype, 'items', [Field(() => [view], { description: `Các ${label} của trang.` })]);
  apply(PageClass.prototype, 'totalItems', [
    Field(() => Int, { description: `Tổng số ${label} khớp điều kiện (mọi trang; một cận dưới khi totalIsExact là false).` }),
  ]);
  apply(PageClass.prototype, 'totalIsExact', [Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION })]);
  return PageClass as unknown as new () => GraphqlPage<unknown>;
}
