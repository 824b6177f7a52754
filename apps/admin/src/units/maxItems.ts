/** react-admin validator for list inputs: at most `max` items, with a translated message. */
export const maxItems = (max: number, messageKey: string) => (value: unknown) =>
  Array.isArray(value) && value.length > max ? { message: messageKey, args: { max } } : undefined;
