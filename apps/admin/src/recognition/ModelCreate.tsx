import { Create } from 'react-admin';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { ModelForm } from './ModelForm';
import { MODEL_VERSION_CONFLICT_MESSAGE } from './recognitionData';

/** "Đăng ký mô hình": a new model starts at "Đăng ký"; recognition comes later, from the managers. */
export const ModelCreate = () => {
  const onError = useSaveErrorHandler(MODEL_VERSION_CONFLICT_MESSAGE);
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <ModelForm
        creating
        toolbar={<SaveOnlyToolbar />}
        defaultValues={{ holderKind: 'COLLECTIVE', firstYear: new Date().getFullYear(), results: [], evidence: [] }}
      />
    </Create>
  );
};
