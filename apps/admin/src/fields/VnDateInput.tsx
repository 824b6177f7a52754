import { useMemo, useState, type ChangeEvent, type FocusEvent } from 'react';
import clsx from 'clsx';
import {
  FieldTitle,
  InputHelperText,
  ResettableTextField,
  sanitizeInputRestProps,
  useInput,
  type TextInputProps,
  type Validator,
} from 'react-admin';
import { formatVnDate, isIsoDate, toDateFormValue, validateVnDate, VN_DATE_PLACEHOLDER } from './vnDate';

export type VnDateInputProps = Omit<TextInputProps, 'format' | 'parse' | 'type' | 'multiline'>;

const sameValue = (a: unknown, b: unknown): boolean =>
  (a === '' || a === undefined ? null : a) === (b === '' || b === undefined ? null : b);

const toValidators = (validate: VnDateInputProps['validate']): Validator[] =>
  validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];

/**
 * A date typed as dd/MM/yyyy whatever the browser's language (the native `<input type="date">` of an
 * English Chromium shows mm/dd/yyyy). The form value is `yyyy-MM-dd`, or null when empty. `30/6/2025`
 * is accepted and shown as `30/06/2025` once the input loses focus; text that is not a real date
 * (31/02/2025, 30/06) stays in the input and in the form value, where the validator reports it.
 */
export const VnDateInput = (props: VnDateInputProps) => {
  const { className, defaultValue, label, helperText, onBlur, onChange, resource, source, validate, placeholder, slotProps, ...rest } =
    props;
  const validators = useMemo(() => [validateVnDate, ...toValidators(validate)], [validate]);
  const {
    field,
    fieldState: { error, invalid, isTouched },
    formState: { isSubmitted },
    id,
    isRequired,
  } = useInput({
    defaultValue,
    resource,
    source,
    validate: validators,
    onBlur,
    onChange,
    // The form value is handed over untouched: the text ↔ value mapping happens below.
    format: (value: unknown) => value,
    parse: (value: unknown) => value,
    ...rest,
  });

  // What the user typed; the form value is derived from it. When the form value changes from outside
  // (record loaded, form reset, filter cleared), the text is rewritten from it.
  const [text, setText] = useState(() => formatVnDate(field.value));
  const [seenValue, setSeenValue] = useState<unknown>(field.value);
  if (!sameValue(field.value, seenValue)) {
    setSeenValue(field.value);
    if (!sameValue(field.value, toDateFormValue(text))) setText(formatVnDate(field.value));
  }

  const handleChange = (event: ChangeEvent<HTMLInputElement> | string) => {
    // ResettableTextField's clear button calls onChange('').
    const typed = typeof event === 'string' ? event : event.target.value;
    const value = toDateFormValue(typed);
    setText(typed);
    setSeenValue(value);
    field.onChange(value);
  };

  const handleBlur = (event: FocusEvent<HTMLInputElement>) => {
    // 30/6/2025 → 30/06/2025, blanks → ''; text that is not a date is left for the user to correct.
    const value = toDateFormValue(text);
    if (value === null || isIsoDate(value)) setText(formatVnDate(value));
    field.onBlur(event);
  };

  // The list's filter form validates on every keystroke: "30/0" is not wrong yet, only unfinished.
  const showError = invalid && (isTouched || isSubmitted);
  const renderHelperText = helperText !== false || showError;

  return (
    <ResettableTextField
      id={id}
      name={field.name}
      ref={field.ref}
      value={text}
      onChange={handleChange}
      onBlur={handleBlur}
      disabled={field.disabled}
      className={clsx('ra-input', `ra-input-${source}`, className)}
      label={
        label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null
      }
      placeholder={placeholder ?? VN_DATE_PLACEHOLDER}
      error={showError}
      helperText={renderHelperText ? <InputHelperText error={showError ? error?.message : undefined} helperText={helperText} /> : null}
      {...sanitizeInputRestProps(rest)}
      slotProps={{
        ...slotProps,
        // The placeholder shows the expected format, so the label stays above the input.
        inputLabel: { shrink: true, ...slotProps?.inputLabel },
        // No inputMode="numeric": phone keypads would then lack the slash.
        htmlInput: { autoComplete: 'off', maxLength: 10, ...slotProps?.htmlInput },
      }}
    />
  );
};
