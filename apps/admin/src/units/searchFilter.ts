/** What an autocomplete over units sends as it is typed into: the list's `q`, i.e. the server's accent-insensitive `search`. */
export const searchFilter = (searchText: string) => ({ q: searchText });
