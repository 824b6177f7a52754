import { useState } from 'react';
import VerifiedIcon from '@mui/icons-material/Verified';
import {
  Button,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  type Validator,
} from 'react-admin';
import { RECOGNITION_LIMITS, type ModelRecognition } from '@danvan/contracts';
import type { AppDataProvider } from '../dataProvider';
import { RESOURCES } from '../auth/access';
import { FormDialog } from '../components/FormDialog';
import { DocumentInput } from '../emulation/DocumentsInput';
import { todayIso } from '../fields/localDay';
import { VnDateInput } from '../fields/VnDateInput';
import { MODEL_RECOGNITION_CHOICES } from './choices';
import { isRecognitionDown, nextRecognition, type ModelRecord } from './recognitionData';

/** Lowering a recognition needs its reason (the server says so too). */
const noteWhenDown =
  (current: ModelRecognition): Validator =>
  (value: unknown, values: Record<string, unknown>) =>
    typeof values.recognition === 'string' &&
    isRecognitionDown(current, values.recognition as ModelRecognition) &&
    !(typeof value === 'string' && value.trim())
      ? 'danvan.models.noteRequired'
      : undefined;

/**
 * "Công nhận mô hình": moves the model up (đăng ký → tiêu biểu → tiêu biểu xuất sắc) or, with a reason,
 * down, with the date (dd/MM/yyyy) and the deciding document. Each change is kept in the model's history.
 */
export const RecogniseModelButton = () => {
  const record = useRecordContext<ModelRecord>();
  const { canAccess } = useCanAccess({ resource: RESOURCES.models, action: 'recognise', record });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  const choices = MODEL_RECOGNITION_CHOICES.filter((choice) => choice.id !== record.recognition);

  return (
    <>
      <Button label="danvan.models.recognise" onClick={() => setOpen(true)}>
        <VerifiedIcon />
      </Button>
      <FormDialog
        open={open}
        title="danvan.models.recogniseTitle"
        titleArgs={{ name: record.name, current: record.recognitionLabel }}
        confirmLabel="danvan.models.recogniseConfirm"
        defaultValues={{ recognition: nextRecognition(record.recognition), recognisedOn: todayIso(), documentId: null, note: '' }}
        onClose={() => setOpen(false)}
        onRefused={refresh}
        onSubmit={async (values) => {
          const saved = await dataProvider.recogniseModel(record.id, record.version, values);
          notify('danvan.models.recognised', { type: 'success', messageArgs: { recognition: saved.recognitionLabel } });
          setOpen(false);
          refresh();
        }}
      >
        <SelectInput
          source="recognition"
          resource={RESOURCES.models}
          label="resources.models.fields.newRecognition"
          choices={choices}
          translateChoice={false}
          validate={required()}
        />
        <VnDateInput source="recognisedOn" resource={RESOURCES.models} validate={required()} />
        <DocumentInput source="documentId" label="resources.models.fields.documentId" />
        <TextInput
          source="note"
          resource={RESOURCES.models}
          validate={[maxLength(RECOGNITION_LIMITS.reasonMaxLength), noteWhenDown(record.recognition)]}
          helperText="danvan.models.noteHelp"
          multiline
          fullWidth
        />
      </FormDialog>
    </>
  );
};
