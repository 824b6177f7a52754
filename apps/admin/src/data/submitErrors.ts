import { HttpError, type NotificationOptions } from 'react-admin';
import type { FormErrors } from '../dataProvider';

type Notify = (message: string, options?: NotificationOptions) => void;

/**
 * What a form's own `onSubmit` does with a failed save: field errors go back to the form (react-admin puts
 * each beside its input and notifies the summary); anything else is notified, a version conflict until
 * closed (the user must decide what to do with the form).
 */
export const handleSubmitError = (error: unknown, notify: Notify, persistentMessages: readonly string[] = []): FormErrors | undefined => {
  if (error instanceof HttpError && error.body?.errors) return error.body.errors as FormErrors;
  notifyError(error, notify, persistentMessages);
  return undefined;
};

/** Notifies a failed mutation with its (translated) message. */
export const notifyError = (error: unknown, notify: Notify, persistentMessages: readonly string[] = []): void => {
  const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
  notify(message, {
    type: 'error',
    messageArgs: { _: message },
    multiLine: true,
    autoHideDuration: persistentMessages.includes(message) ? null : undefined,
  });
};
