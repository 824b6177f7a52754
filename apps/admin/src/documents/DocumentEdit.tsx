import { Edit } from 'react-admin';
import { DOCUMENT_VERSION_CONFLICT_MESSAGE } from './documentData';
import { DocumentForm } from './DocumentForm';
import { RESOURCES } from '../auth/access';
import { useRereadRecord, useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

/** Pessimistic with the version read: a concurrent edit is refused with a clear message and the form is kept. */
export const DocumentEdit = () => {
  const onError = useSaveErrorHandler(DOCUMENT_VERSION_CONFLICT_MESSAGE, useRereadRecord(RESOURCES.documents));
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <DocumentForm resetOptions={{ keepDirtyValues: true }} />
    </Edit>
  );
};
