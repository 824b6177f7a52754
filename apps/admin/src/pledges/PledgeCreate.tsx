import { Create } from 'react-admin';
import { PLEDGE_VERSION_CONFLICT_MESSAGE } from './pledgeData';
import { PledgeForm } from './PledgeForm';
import { useSaveErrorHandler } from '../emulation/useSaveErrorHandler';

/** A draft pledge for a bloc; its criteria are set on the criteria page, then it is signed. */
export const PledgeCreate = () => {
  const onError = useSaveErrorHandler(PLEDGE_VERSION_CONFLICT_MESSAGE);
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <PledgeForm creating defaultValues={{ documentIds: [] }} />
    </Create>
  );
};
