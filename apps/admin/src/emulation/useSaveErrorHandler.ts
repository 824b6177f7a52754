import { useQueryClient } from '@tanstack/react-query';
import { HttpError, useNotify } from 'react-admin';
import type { HttpErrorBody } from '../dataProvider';
import { notifyError } from '../data/submitErrors';

/** Whether a failed save was refused because the record changed since it was read. */
export const isVersionConflict = (error: unknown): boolean =>
  error instanceof HttpError && (error.body as HttpErrorBody | undefined)?.reason === 'VERSION_CONFLICT';

/**
 * onError of a pessimistic Edit or Create: field errors are shown beside the inputs by the form itself
 * (which notifies their summary); anything else is notified, a version conflict until closed. On a version
 * conflict `onConflict` runs (an Edit reads the record again: its form, with keepDirtyValues, keeps what was
 * typed and takes the rest, and the version, from the latest record, so the next save is not refused again).
 */
export const useSaveErrorHandler = (conflictMessage: string, onConflict?: () => void) => {
  const notify = useNotify();
  return (error: unknown) => {
    if (error instanceof HttpError && error.body?.errors) return;
    notifyError(error, notify, [conflictMessage]);
    if (isVersionConflict(error)) onConflict?.();
  };
};

/**
 * The onConflict of an Edit page: reads the `resource` record again, so its form (with keepDirtyValues) keeps
 * what was typed and takes the other fields, and the version, from the latest record.
 */
export const useRereadRecord = (resource: string) => {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [resource, 'getOne'] });
};
