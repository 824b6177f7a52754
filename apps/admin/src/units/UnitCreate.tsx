import { Create } from 'react-admin';
import { UnitForm } from './UnitForm';

const defaultValues = { status: 'ACTIVE', leaders: [], successorIds: [] };

export const UnitCreate = () => (
  <Create redirect="show">
    <UnitForm defaultValues={defaultValues} />
  </Create>
);
