import { Create } from 'react-admin';
import { MOVEMENT_VERSION_CONFLICT_MESSAGE } from './movementData';
import { MovementForm } from './MovementForm';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

const defaultValues = { kind: 'REGULAR', legalBasisIds: [] };

export const MovementCreate = () => {
  const onError = useSaveErrorHandler(MOVEMENT_VERSION_CONFLICT_MESSAGE);
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <MovementForm creating defaultValues={defaultValues} />
    </Create>
  );
};
