import { Create } from 'react-admin';
import { BLOC_VERSION_CONFLICT_MESSAGE } from './blocData';
import { BlocForm } from './BlocForm';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

export const BlocCreate = () => {
  const onError = useSaveErrorHandler(BLOC_VERSION_CONFLICT_MESSAGE);
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <BlocForm creating defaultValues={{ year: new Date().getFullYear(), memberIds: [] }} />
    </Create>
  );
};
