import { Edit } from 'react-admin';
import { BLOC_VERSION_CONFLICT_MESSAGE } from './blocData';
import { BlocForm } from './BlocForm';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { RESOURCES } from '../auth/access';
import { useRereadRecord, useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

export const BlocEdit = () => {
  const onError = useSaveErrorHandler(BLOC_VERSION_CONFLICT_MESSAGE, useRereadRecord(RESOURCES.blocs));
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <BlocForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
