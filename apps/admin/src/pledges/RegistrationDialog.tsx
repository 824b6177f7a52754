import { useMemo, useState } from 'react';
import { Alert, AlertTitle } from '@mui/material';
import {
  ArrayInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';
import { RESOURCES } from '../auth/access';
import { isVersionConflict } from '../emulation/useSaveErrorHandler';
import { formatVnInstant } from '../fields/vnInstant';
import type { AppDataProvider } from '../dataProvider';
import { FormDialog } from '../components/FormDialog';
import { unitLabel, type UnitRef } from '../emulation/refs';
import { breakthroughCountProblem, toRegistrationFormValues, type PledgeRecord, type Registration } from './pledgeData';

const F = (field: string) => `resources.pledges.fields.${field}`;
const validateTargetTitle = [required(), maxLength(500)];
/** The server takes at most 50 targets and 20 tasks. */
const validateTargets: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 50 ? { message: 'danvan.validation.tooManyItems', args: { max: 50 } } : undefined;
const validateTask = [required(), maxLength(500)];

interface Props {
  pledge: Pick<PledgeRecord, 'id' | 'breakthroughMin' | 'breakthroughMax'>;
  unit: UnitRef;
  /** The unit's registration as the dialog opens (the form starts from it, and saves on its version), else null. */
  registration: Registration | null;
  open: boolean;
  onClose: () => void;
  onSaved: (registration: Registration) => void;
  /** After a version conflict: reads the registrations again and answers the unit's latest one (null: none). */
  onConflict: () => Promise<Registration | null>;
}

/** Another person's newer registration, found after a conflict: what it holds, and that the input was kept. */
const NewerRegistration = ({ registration }: { registration: Registration | null }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mb: 2 }} aria-label={translate('danvan.registration.newerTitle')}>
      <AlertTitle>{translate('danvan.registration.newerTitle')}</AlertTitle>
      {registration ? (
        <>
          <div>{translate('danvan.registration.newerSaved', { at: formatVnInstant(registration.updatedAt, true) })}</div>
          <div>
            {translate('danvan.registration.newerTargets', {
              targets: registration.targets
                .map((target) => (target.measure ? `${target.title} (${target.measure})` : target.title))
                .join('; '),
            })}
          </div>
          <div>{translate('danvan.registration.newerTasks', { tasks: registration.breakthroughTasks.join('; ') })}</div>
        </>
      ) : (
        <div>{translate('danvan.registration.newerNone')}</div>
      )}
      <div>{translate('danvan.registration.inputKept')}</div>
    </Alert>
  );
};

/**
 * "Đăng ký chỉ tiêu": a signatory's targets (content and measure) and its breakthrough tasks, as many as the
 * pledge asks (e.g. 3 to 5), checked here and again by the server. Editing sends the version read, so that
 * a change made meanwhile by someone else is refused rather than overwritten. After such a refusal the form
 * keeps what was typed, the dialog shows the newer registration (or that there is still none), and the next
 * save goes on that registration's version: the user decides, with both in view, whether theirs replaces it.
 */
export const RegistrationDialog = ({ pledge, unit, registration, open, onClose, onSaved, onConflict }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const validateTasks: Validator = (value: unknown) => breakthroughCountProblem(value, pledge.breakthroughMin, pledge.breakthroughMax);
  // The form starts from the registration read as the dialog opened and is never reset by a later read.
  const [opened] = useState(registration);
  const defaultValues = useMemo(
    () => toRegistrationFormValues(opened, pledge.breakthroughMin) as unknown as Record<string, unknown>,
    [opened, pledge.breakthroughMin],
  );
  // The registration the next save replaces (its version is sent): the one read at opening, then the latest after a conflict.
  const [basis, setBasis] = useState<Registration | null>(registration);
  // The latest registration found after a conflict (undefined: no conflict yet).
  const [newer, setNewer] = useState<Registration | null | undefined>(undefined);

  return (
    <FormDialog
      open={open}
      title={opened ? 'danvan.registration.editTitle' : 'danvan.registration.title'}
      titleArgs={{ unit: unitLabel(unit) }}
      confirmLabel="danvan.registration.save"
      defaultValues={defaultValues}
      onClose={onClose}
      onRefused={(error) => {
        if (!isVersionConflict(error)) return;
        onConflict().then(
          (latest) => {
            setBasis(latest);
            setNewer(latest);
          },
          () => undefined, // Not read again (network): the next save is refused again, and tried again.
        );
      }}
      onSubmit={async (values) => {
        const saved = await dataProvider.registerPledgeTargets(pledge.id, unit.id, basis?.version ?? null, values);
        notify('danvan.registration.saved', { type: 'success', messageArgs: { unit: unitLabel(unit) } });
        onSaved(saved);
      }}
    >
      {newer !== undefined ? <NewerRegistration registration={newer} /> : null}
      <ArrayInput source="targets" resource={RESOURCES.pledges} label={F('targets')} validate={validateTargets}>
        <SimpleFormIterator inline disableReordering>
          <TextInput source="title" label={F('targetTitle')} validate={validateTargetTitle} sx={{ minWidth: 380 }} helperText={false} />
          <TextInput source="measure" label={F('measure')} validate={maxLength(255)} sx={{ minWidth: 200 }} helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput
        source="breakthroughTasks"
        resource={RESOURCES.pledges}
        label={F('breakthroughTasks')}
        validate={validateTasks}
        helperText={
          pledge.breakthroughMin !== null || pledge.breakthroughMax !== null
            ? translate('danvan.registration.taskHelp', { min: pledge.breakthroughMin ?? 0, max: pledge.breakthroughMax ?? '…' })
            : false
        }
      >
        <SimpleFormIterator disableReordering>
          <TextInput source="" label={F('task')} validate={validateTask} fullWidth helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </FormDialog>
  );
};
