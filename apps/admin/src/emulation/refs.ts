/** References the emulation records carry (the server's UnitRef and DocumentRef). */

/** A unit as other records name it: enough to show who, without opening the unit itself. */
export interface UnitRef {
  id: string;
  name: string;
  shortName: string | null;
}

/** A cited document: number, date, title. */
export interface DocumentRef {
  id: string;
  number: string;
  issuedOn: string;
  title: string;
}

/** "Ban Dân vận Tỉnh ủy (BDVTU)", or the name alone. */
export const unitLabel = (unit: Pick<UnitRef, 'name' | 'shortName'> | null | undefined): string =>
  unit ? (unit.shortName ? `${unit.name} (${unit.shortName})` : unit.name) : '';
