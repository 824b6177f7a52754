import type { MessageTree } from './MessageTree';

/** Merges message trees left to right; later trees win, nested objects are merged, inputs are not mutated. */
export const deepMerge = (...trees: MessageTree[]): MessageTree => {
  const result: MessageTree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = result[key];
      result[key] =
        typeof value === 'object' && typeof existing === 'object'
          ? deepMerge(existing, value)
          : typeof value === 'object'
            ? deepMerge(value)
            : value;
    }
  }
  return result;
};
