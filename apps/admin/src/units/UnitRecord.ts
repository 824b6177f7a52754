import type { UnitDto } from '@danvan/contracts';

/** A unit as the admin holds it: the contract DTO plus what GraphQL adds for the show page. */
export interface UnitRecord extends UnitDto {
  /** Root first, ending with the parent. Only fetched by getOne/create/update, absent on list rows. */
  ancestors?: UnitRef[];
}

/** Just enough of a unit to render a link to it. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
}
