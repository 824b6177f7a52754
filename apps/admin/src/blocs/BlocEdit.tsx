import { Edit } from 'react-admin';
import { BLOC_VERSION_CONFLICT_MESSAGE } from './blocData';
import { BlocForm } from './BlocForm';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

export const BlocEdit = () => {
  const onError = useSaveErrorHandler(BLOC_VERSION_CONFLICT_MESSAGE);
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <BlocForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
