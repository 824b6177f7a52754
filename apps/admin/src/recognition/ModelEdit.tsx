import { Edit } from 'react-admin';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { ModelForm } from './ModelForm';
import { MODEL_VERSION_CONFLICT_MESSAGE } from './recognitionData';

/** Edits a model with the version read (someone else's change first: a conflict, the form kept as typed). Recognition has its own dialog. */
export const ModelEdit = () => {
  const onError = useSaveErrorHandler(MODEL_VERSION_CONFLICT_MESSAGE);
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <ModelForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
