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
}

/** The GraphQL context of one request. */
export interface GraphQLRequestContext {
  req: import('fastify').FastifyRequest;
  loaders: DataLoaders;
}
