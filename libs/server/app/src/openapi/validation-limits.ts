import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

/** A class, as class-validator keys its metadata. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own key type
export type ClassType = Function;

/** A JSON Schema object as the OpenAPI document holds it (mutable while the document is finished). */
export type Schema = Record<string, unknown> & { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema };

/** Validation metadata of a class's properties (inherited ones included), by property name. */
export function validationOf(target: ClassType): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  }
  return byProperty;
}

/** Every class class-validator knows, by name: the component schemas of the inputs bear these names. */
export function validatedClassesByName(): Map<string, ClassType> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<ClassType, ValidationMetadata[]> };
  const classes = new Map<string, ClassType>();
  for (const target of storage.validationMetadatas.keys()) if (typeof target === 'function') classes.set(target.name, target);
  return classes;
}

/**
 * Writes into `schema` (one property or parameter) the limits its validation enforces, read from the
 * same decorators (MaxLength, Length, ArrayMaxSize, Min, Max, IsInt, IsUUID …), so the document and the
 * validation cannot say different things. Constraints on each element (`{ each: true }`) go to `items`.
 */
export function applyValidationLimits(schema: Schema, metas: ValidationMetadata[]): void {
  for (const meta of metas) {
    const target = meta.each && schema.items ? schema.items : schema;
    const [first, second] = (meta.constraints ?? []) as unknown[];
    switch (meta.name) {
      case 'maxLength':
        target.maxLength = first;
        break;
      case 'minLength':
        target.minLength = first;
        break;
      case 'isLength':
        if (typeof first === 'number') target.minLength = first;
        if (typeof second === 'number') target.maxLength = second;
        break;
      case 'arrayMaxSize':
        schema.maxItems = first;
        break;
      case 'arrayMinSize':
        schema.minItems = first;
        break;
      case 'arrayUnique':
        schema.uniqueItems = true;
        break;
      case 'min':
        target.minimum = first;
        break;
      case 'max':
        target.maximum = first;
        break;
      case 'isInt':
        target.type = 'integer';
        target.format ??= 'int32';
        break;
      case 'isUuid':
        target.format = 'uuid';
        target.maxLength ??= 36;
        break;
      case 'matches': {
        const pattern = first instanceof RegExp ? first.source : typeof first === 'string' ? first : undefined;
        if (pattern) target.pattern = pattern;
        // `^<one character class>{m,n}$`: the pattern bounds the length too.
        const bounded = pattern && /^\^(?:\[[^\]]*\]|\\d|\\w|\.)\{(\d+),(\d+)\}\$$/.exec(pattern);
        if (bounded) target.maxLength ??= Number(bounded[2]);
        break;
      }
      case 'isEmail':
        target.format = 'email';
        target.maxLength ??= 254; // validator.js refuses longer addresses
        break;
      case 'isLocalDate':
        target.format = 'date';
        target.maxLength = 10;
        break;
      case 'isDateOrDateTime':
      case 'isDateTime':
        target.maxLength ??= 40;
        break;
      case 'isIn':
        if (Array.isArray(first) && !target.enum) target.enum = first;
        break;
      default:
        break;
    }
  }
}

/** The limit of each validated input property, by name: answers carry what inputs let in. */
export function inputLimitsByProperty(classes: Iterable<ClassType>): Map<string, { maxLength?: number; maxItems?: number }> {
  const limits = new Map<string, { maxLength?: number; maxItems?: number }>();
  for (const target of classes) {
    for (const [property, metas] of validationOf(target)) {
      const probe: Schema = { items: {} };
      applyValidationLimits(probe, metas);
      const maxLength = (probe.maxLength ?? probe.items?.maxLength) as number | undefined;
      const maxItems = probe.maxItems as number | undefined;
      const known = limits.get(property) ?? {};
      // The largest limit of a name wins: an answer may carry what any input of that name let in.
      limits.set(property, {
        maxLength: Math.max(known.maxLength ?? 0, maxLength ?? 0) || undefined,
        maxItems: Math.max(known.maxItems ?? 0, maxItems ?? 0) || undefined,
      });
    }
  }
  return limits;
}
