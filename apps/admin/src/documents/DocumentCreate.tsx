import { Create } from 'react-admin';
import { DOCUMENT_VERSION_CONFLICT_MESSAGE } from './documentData';
import { DocumentForm } from './DocumentForm';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

/** Pessimistic: a number the server refuses comes back beside the input, with what was typed kept. */
export const DocumentCreate = () => {
  const onError = useSaveErrorHandler(DOCUMENT_VERSION_CONFLICT_MESSAGE);
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <DocumentForm creating />
    </Create>
  );
};
