import { Edit } from 'react-admin';
import { MOVEMENT_VERSION_CONFLICT_MESSAGE } from './movementData';
import { MovementForm } from './MovementForm';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { RESOURCES } from '../auth/access';
import { useRereadRecord, useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

export const MovementEdit = () => {
  const onError = useSaveErrorHandler(MOVEMENT_VERSION_CONFLICT_MESSAGE, useRereadRecord(RESOURCES.movements));
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <MovementForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
