import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims text and composes Vietnamese (NFC). */
export const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
/** Absent leaves the value alone (updates); null is still checked by the validators that follow. */
export const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);
/** Absent or null: no value. */
export const Nullable = () => ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null);

export const YEAR_MESSAGE = 'Năm phải từ 1945 đến 2100.';
