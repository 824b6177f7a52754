import { Edit } from 'react-admin';
import { RESOURCES } from '../auth/access';
import { useRereadRecord, useSaveErrorHandler } from '../emulation/useSaveErrorHandler';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { ModelForm } from './ModelForm';
import { MODEL_VERSION_CONFLICT_MESSAGE } from './recognitionData';

/**
 * Edits a model with the version read. Someone else's change first: a conflict; the model is read again, and
 * the form (keepDirtyValues) keeps what was typed, takes the other fields from the latest model, and saves
 * against its version. Recognition has its own dialog.
 */
export const ModelEdit = () => {
  const onError = useSaveErrorHandler(MODEL_VERSION_CONFLICT_MESSAGE, useRereadRecord(RESOURCES.models));
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <ModelForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
