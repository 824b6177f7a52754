/**
 * Upper bounds of the REST contract where no field-specific limit applies: what the OpenAPI document
 * declares for answer texts and lists (every input text is validated against a smaller limit of its own,
 * so no stored text exceeds this), and the limit given to free-text inputs that had none.
 */
export const API_TEXT_MAX_LENGTH = 10_000;
/** Longest list inside one answer that is not a page (criteria of a set, lines of a score sheet …). */
export const API_ARRAY_MAX_ITEMS = 10_000;
