import { Edit } from 'react-admin';
import { PLEDGE_VERSION_CONFLICT_MESSAGE } from './pledgeData';
import { PledgeForm } from './PledgeForm';
import { SaveOnlyToolbar } from '../emulation/SaveOnlyToolbar';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

export const PledgeEdit = () => {
  const onError = useSaveErrorHandler(PLEDGE_VERSION_CONFLICT_MESSAGE);
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <PledgeForm resetOptions={{ keepDirtyValues: true }} toolbar={<SaveOnlyToolbar />} />
    </Edit>
  );
};
