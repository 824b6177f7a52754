import { SearchInput, SelectInput } from 'react-admin';
import { VnDateInput } from '../fields/VnDateInput';
import { UnitReferenceInput } from './UnitReferenceInput';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES, UNIT_STATUS_CHOICES } from './choices';

/** Unit names are long ("Ban Dân vận Huyện ủy Tiền Hải"); the default filter width cuts them. */
const unitFilterSx = { minWidth: 320 };

/** Filters of the unit list; the data provider maps `q` to the server's `search`. */
export const unitFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={UNIT_KIND_CHOICES} translateChoice={false} />,
  <SelectInput key="level" source="level" choices={UNIT_LEVEL_CHOICES} translateChoice={false} />,
  <SelectInput key="status" source="status" choices={UNIT_STATUS_CHOICES} translateChoice={false} />,
  <UnitReferenceInput key="parentId" source="parentId" sx={unitFilterSx} />,
  <UnitReferenceInput key="withinUnitId" source="withinUnitId" sx={unitFilterSx} />,
  <VnDateInput key="validOn" source="validOn" />,
];
