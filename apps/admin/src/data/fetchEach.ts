import { HttpError, type Identifier } from 'react-admin';

/**
 * getMany of a resource the server cannot filter by ids: one call per id, at once. Records out of the
 * caller's reach (404) are left out; any other failure fails the whole call.
 */
export const fetchEach = async <T>(ids: readonly Identifier[], fetchOne: (id: string) => Promise<T>): Promise<T[]> => {
  const unique = [...new Set(ids.map(String))];
  const results = await Promise.allSettled(unique.map((id) => fetchOne(id)));
  const failure = results.find(
    (result): result is PromiseRejectedResult =>
      result.status === 'rejected' && !(result.reason instanceof HttpError && result.reason.status === 404),
  );
  if (failure) throw failure.reason;
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
};
