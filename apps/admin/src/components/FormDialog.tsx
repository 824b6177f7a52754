import { useEffect, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Button, Form, HttpError, SaveButton, useTranslate } from 'react-admin';
import type { FormErrors } from '../dataProvider';

interface Props {
  open: boolean;
  /** Translation key (or text) of the dialog's title. */
  title: string;
  /** Arguments of the title's translation. */
  titleArgs?: Record<string, unknown>;
  /** Translation key of the confirming button. */
  confirmLabel: string;
  defaultValues: Record<string, unknown>;
  /** Does the work; a rejection is shown in the dialog (and its field errors beside the inputs). */
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
  /** Told of every refusal (a version conflict: read the record again). */
  onRefused?: (error: unknown) => void;
  maxWidth?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}

/** The field errors of a refusal, or undefined when none is on an input (only the summary in `root`). */
const fieldErrors = (error: unknown): FormErrors | undefined => {
  const errors = error instanceof HttpError ? (error.body?.errors as FormErrors | undefined) : undefined;
  if (!errors) return undefined;
  const { root: _root, ...fields } = errors;
  return Object.keys(fields).length > 0 ? errors : undefined;
};

/** Keeps `held` up to date with whether the form holds typed input or is being sent (the dialog must stay open). */
const HoldTracker = ({ held }: { held: MutableRefObject<boolean> }) => {
  const { isDirty, isSubmitting } = useFormState();
  useEffect(() => {
    held.current = isDirty || isSubmitting;
    return () => {
      held.current = false;
    };
  }, [held, isDirty, isSubmitting]);
  return null;
};

/** The confirming button: enabled before anything is typed (the defaults may be what is wanted), never while sending. */
const ConfirmButton = ({ label }: { label: string }) => {
  const { isSubmitting } = useFormState();
  return <SaveButton label={label} alwaysEnable={!isSubmitting} />;
};

/**
 * A react-admin form in a dialog (revoking an award, recognising a model, registering targets): the
 * server's refusal stays visible in the dialog (role="alert") while the form keeps what was typed, and
 * field errors are put beside their inputs. A click outside or Escape does not close a form holding typed
 * input (or being sent), which only "Hủy bỏ" throws away; the confirming button is disabled while sending,
 * and a second submission while one is in flight is ignored.
 */
export const FormDialog = ({
  open,
  title,
  titleArgs,
  confirmLabel,
  defaultValues,
  onSubmit,
  onClose,
  onRefused,
  maxWidth = 'md',
  children,
}: Props) => {
  const translate = useTranslate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const labelId = `form-dialog-${title.replace(/\W+/g, '-')}`;
  const held = useRef(false);
  const sending = useRef(false);

  const submit = async (values: Record<string, unknown>) => {
    if (sending.current) return undefined;
    sending.current = true;
    setRefusal(null);
    try {
      await onSubmit(values);
      return undefined;
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      setRefusal(translate(message, { _: message }));
      onRefused?.(error);
      return fieldErrors(error);
    } finally {
      sending.current = false;
    }
  };

  return (
    <Dialog
      open={open}
      onClose={(_event, reason) => {
        // A click beside the dialog or Escape would lose what was typed: only "Hủy bỏ" closes it then.
        if ((reason === 'backdropClick' || reason === 'escapeKeyDown') && (held.current || sending.current)) return;
        setRefusal(null);
        onClose();
      }}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={labelId}
    >
      <DialogTitle id={labelId}>{translate(title, { _: title, ...titleArgs })}</DialogTitle>
      {open ? (
        // Its own record: the page's record (the model, the pledge) must not fill the dialog's inputs.
        <Form onSubmit={submit} defaultValues={defaultValues} record={defaultValues}>
          <HoldTracker held={held} />
          <DialogContent>
            {refusal ? (
              <Alert severity="error" sx={{ mb: 2 }} role="alert">
                {refusal}
              </Alert>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <Button
              label="ra.action.cancel"
              onClick={() => {
                setRefusal(null);
                onClose();
              }}
            />
            <ConfirmButton label={confirmLabel} />
          </DialogActions>
        </Form>
      ) : null}
    </Dialog>
  );
};
