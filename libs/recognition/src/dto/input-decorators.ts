import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { RECOGNITION_LIMITS as L } from '@danvan/contracts';

/** Decorators and messages the recognition inputs share. */
/** Trims text and composes Vietnamese (NFC). */
export const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
/** Absent leaves the value alone (updates); null is still checked by the validators that follow. */
export const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);
/** Absent or null: no value. */
export const Nullable = () => ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null);
export const YEAR_MESSAGE = `Năm phải là số nguyên từ ${L.minYear} đến ${L.maxYear}.`;
export const DATE_MESSAGE = (label: string) => `${label} phải là ngày hợp lệ dạng yyyy-MM-dd.`;
export const ID_MESSAGE = (label: string) => `Mã ${label} không hợp lệ.`;
export const ONE_OF = (label: string, values: readonly string[]) => `${label} phải là một trong: ${values.join(', ')}.`;
export const TOO_LONG = (label: string, max: number) => `${label} không được dài quá ${max} ký tự.`;
export const Year = () => [
  IsInt({ message: YEAR_MESSAGE }),
  Min(L.minYear, { message: YEAR_MESSAGE }),
  Max(L.maxYear, { message: YEAR_MESSAGE }),
];
export const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));
