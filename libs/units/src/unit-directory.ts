/**
 * The port through which other libraries read the unit register: SQL over the
 * published view `unit_directory` (migration UnitDirectory1764000000800), never
 * over the `unit` table the register owns.
 */
export const UNIT_DIRECTORY = 'unit_directory';

/** JSON of a unit reference (`{ id, name, shortName, level }`) from an alias of `unit_directory`. */
export const unitRefJson = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'shortName', ${alias}.short_name, 'level', ${alias}.level)`;
