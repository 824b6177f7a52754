import { ArrayInput, SimpleFormIterator, TextInput, maxLength, required, useDataProvider, useNotify, useTranslate, type Validator } from 'react-admin';
import { RESOURCES } from '../auth/access';
import type { AppDataProvider } from '../dataProvider';
import { FormDialog } from '../components/FormDialog';
import { unitLabel, type UnitRef } from '../emulation/refs';
import { breakthroughCountProblem, toRegistrationFormValues, type PledgeRecord, type Registration } from './pledgeData';

const F = (field: string) => `resources.pledges.fields.${field}`;
const validateTargetTitle = [required(), maxLength(500)];
/** The server takes at most 50 targets and 20 tasks. */
const validateTargets: Validator = (value: unknown) => (Array.isArray(value) && value.length > 50 ? { message: 'danvan.validation.tooManyItems', args: { max: 50 } } : undefined);
const validateTask = [required(), maxLength(500)];

interface Props {
  pledge: Pick<PledgeRecord, 'id' | 'breakthroughMin' | 'breakthroughMax'>;
  unit: UnitRef;
  /** The unit's registration when it has one (edited with its version), else null. */
  registration: Registration | null;
  open: boolean;
  onClose: () => void;
  onSaved: (registration: Registration) => void;
  /** Told of a refusal (a version conflict: read the registrations again). */
  onRefused: () => void;
}

/**
 * "Đăng ký chỉ tiêu": a signatory's targets (content and measure) and its breakthrough tasks, as many as the
 * pledge asks (e.g. 3 to 5), checked here and again by the server. Editing sends the version read, so that
 * a change made meanwhile by someone else is refused rather than overwritten.
 */
export const RegistrationDialog = ({ pledge, unit, registration, open, onClose, onSaved, onRefused }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const validateTasks: Validator = (value: unknown) => breakthroughCountProblem(value, pledge.breakthroughMin, pledge.breakthroughMax);

  return (
    <FormDialog
      open={open}
      title={registration ? 'danvan.registration.editTitle' : 'danvan.registration.title'}
      titleArgs={{ unit: unitLabel(unit) }}
      confirmLabel="danvan.registration.save"
      defaultValues={toRegistrationFormValues(registration, pledge.breakthroughMin) as unknown as Record<string, unknown>}
      onClose={onClose}
      onRefused={onRefused}
      onSubmit={async (values) => {
        const saved = await dataProvider.registerPledgeTargets(pledge.id, unit.id, registration?.version ?? null, values);
        notify('danvan.registration.saved', { type: 'success', messageArgs: { unit: unitLabel(unit) } });
        onSaved(saved);
      }}
    >
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
