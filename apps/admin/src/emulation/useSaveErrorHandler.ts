import { HttpError, useNotify } from 'react-admin';
import { notifyError } from '../data/submitErrors';

/**
 * onError of a pessimistic Edit or Create: field errors are shown beside the inputs by the form itself
 * (which notifies their summary); anything else is notified, a version conflict until closed.
 */
export const useSaveErrorHandler = (conflictMessage: string) => {
  const notify = useNotify();
  return (error: unknown) => {
    if (error instanceof HttpError && error.body?.errors) return;
    notifyError(error, notify, [conflictMessage]);
  };
};
