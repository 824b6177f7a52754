/**
 * The `valuesMap` of `registerEnumType` from a Vietnamese label map of `@danvan/contracts`
 * (`UNIT_KIND_LABELS` …), so each enum value's SDL description is the label the admin shows,
 * kept in one place; `phrase` turns a terse label into a sentence (`Nhất` → `Hạng Nhất`).
 */
export function describedBy<T extends string>(
  labels: Record<T, string>,
  phrase: (label: string) => string = (label) => label,
): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries<string>(labels).map(([value, label]) => [value, { description: phrase(label) }])) as Record<
    T,
    { description: string }
  >;
}
