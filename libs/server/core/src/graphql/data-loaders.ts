import DataLoader from 'dataloader';

/**
 * Per-request registry of DataLoaders, put on the GraphQL context. Resolvers ask
 * for a loader by name and get the same instance for the whole request, so all
 * parents (or children …) of one page are fetched in one statement.
 */
export class DataLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as unknown as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V>;
  }

  /**
   * A field of a parent record, fetched for every parent of the request at once:
   * `fetch` gets the parents (already read and scope-checked) and answers a value
   * per parent id; a parent it leaves out gets `absent`.
   */
  perParent<P extends { id: string }, V>(
    name: string,
    fetch: (parents: readonly P[]) => Promise<Map<string, V>>,
    absent: V,
  ): DataLoader<P, V, string> {
    return this.get<P, V>(
      name,
      () =>
        new DataLoader<P, V, string>(
          async (parents) => {
            const found = await fetch(parents);
            return parents.map((p) => (found.has(p.id) ? (found.get(p.id) as V) : absent));
          },
          { cacheKeyFn: (p) => p.id },
        ),
    ) as DataLoader<P, V, string>;
  }
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The GraphQL context of one request. */
export interface GraphQLRequestContext {
  req: import('fastify').FastifyRequest;
  loaders: DataLoaders;
}
