import { Edit, HttpError, useNotify } from 'react-admin';
import { VERSION_CONFLICT_MESSAGE } from '../dataProvider';
import { RESOURCES } from '../auth/access';
import { useRereadRecord } from '../emulation/useSaveErrorHandler';
import { UnitForm } from './UnitForm';

/**
 * Pessimistic: the save reaches the server before leaving the page, so a field error or a version
 * conflict comes back to this form, which keeps what the user typed. keepDirtyValues: a background
 * refetch of the record (e.g. on window focus) does not wipe it either.
 */
export const UnitEdit = () => {
  const notify = useNotify();
  const reread = useRereadRecord(RESOURCES.units);
  const onError = (error: unknown) => {
    // Field errors are shown beside the inputs, and the form notifies their summary itself.
    if (error instanceof HttpError && error.body?.errors) return;
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
    notify(message, {
      type: 'error',
      messageArgs: { _: message },
      multiLine: true,
      // A version conflict stays until closed: the user has to decide what to do with the form.
      autoHideDuration: message === VERSION_CONFLICT_MESSAGE ? null : undefined,
    });
    // Read the unit again: the form keeps what was typed and takes the rest, and the version, from the latest.
    if (message === VERSION_CONFLICT_MESSAGE) reread();
  };
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <UnitForm resetOptions={{ keepDirtyValues: true }} />
    </Edit>
  );
};
