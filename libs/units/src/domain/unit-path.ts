/**
 * A unit's path is the chain of ids from the root to the unit itself:
 * `/<root-id>/<…>/<own-id>/`. Pure helpers, no I/O.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Ids on the path, root first, the unit itself last. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Ids of the ancestors, root first, ending with the parent. */
export function ancestorIds(path: string): string[] {
  return pathIds(path).slice(0, -1);
}

/** True when `candidateParentPath` lies inside the subtree of `unitId` (the unit itself included). */
export function wouldCreateCycle(unitId: string, candidateParentPath: string): boolean {
  return pathIds(candidateParentPath).includes(unitId);
}

/** Upper bound of a path prefix range: every descendant path sorts between `prefix` and this (collation "C"). */
export function subtreeUpperBound(prefix: string): string {
  return `${prefix}~`;
}
