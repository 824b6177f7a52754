import { useState } from 'react';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import {
  Button,
  CheckboxGroupInput,
  Form,
  HttpError,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import { RESOURCES } from '../auth/access';
import type { AppDataProvider, FormErrors } from '../dataProvider';
import type { BlocRecord } from '../blocs/blocData';
import { VnDateInput } from '../fields/VnDateInput';
import { unitLabel } from '../emulation/refs';
import type { PledgeRecord } from './pledgeData';

interface Props {
  pledge: PledgeRecord;
  open: boolean;
  onClose: () => void;
  onSigned: (pledge: PledgeRecord) => void;
}

/** Only errors on the dialog's inputs go back to them; the rest is said in the dialog's alert. */
const fieldErrors = (errors: FormErrors | undefined): FormErrors | undefined => {
  if (!errors) return undefined;
  const { root: _root, ...fields } = errors;
  return Object.keys(fields).length > 0 ? errors : undefined;
};

/**
 * "Ký kết": the date (dd/MM/yyyy), the signing event and place, and the signatories among the bloc's members
 * (all ticked at first). The server checks the step (a criteria set is needed first) and answers why not.
 */
export const SignPledgeDialog = ({ pledge, open, onClose, onSigned }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { data: bloc } = useGetOne<BlocRecord>('blocs', { id: pledge.blocId }, { enabled: open });
  const members = bloc?.members ?? [];
  const choices = members.map((member) => ({ id: member.id, name: unitLabel(member) }));

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(null);
    try {
      const signed = await dataProvider.signPledge(pledge.id, pledge.version, values);
      notify('danvan.pledges.signed', { type: 'success' });
      onSigned(signed);
      return undefined;
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      setRefusal(translate(message, { _: message }));
      return error instanceof HttpError ? fieldErrors(error.body?.errors as FormErrors | undefined) : undefined;
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="sign-pledge-title">
      <DialogTitle id="sign-pledge-title">{translate('danvan.pledges.sign')}</DialogTitle>
      {bloc ? (
        <Form
          onSubmit={submit}
          defaultValues={{ signedOn: null, signingEvent: '', signingPlace: '', signatoryIds: members.map((member) => member.id) }}
        >
          <DialogContent>
            {refusal ? (
              <Alert severity="error" sx={{ mb: 2 }} role="alert">
                {refusal}
              </Alert>
            ) : null}
            <VnDateInput source="signedOn" resource={RESOURCES.pledges} validate={required()} />
            <TextInput
              source="signingEvent"
              resource={RESOURCES.pledges}
              validate={[required(), maxLength(500)]}
              fullWidth
              helperText="danvan.pledges.signingEventHelp"
            />
            <TextInput source="signingPlace" resource={RESOURCES.pledges} validate={maxLength(255)} fullWidth />
            <CheckboxGroupInput
              source="signatoryIds"
              resource={RESOURCES.pledges}
              choices={choices}
              translateChoice={false}
              row={false}
              validate={required()}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} />
            <SaveButton label="danvan.pledges.signConfirm" alwaysEnable />
          </DialogActions>
        </Form>
      ) : null}
    </Dialog>
  );
};
