import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  regex,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { RECOGNITION_LIMITS as L } from '@danvan/contracts';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { maxItems } from '../units/maxItems';
import { LEVEL_CHOICES, MODEL_FIELD_CHOICES, RECIPIENT_KIND_CHOICES } from './choices';

const F = (field: string) => `resources.models.fields.${field}`;
const validateName = [required(), maxLength(L.nameMaxLength)];
const validateFirstYear = [required(), minValue(L.minYear), maxValue(L.maxYear)];
const validateLastYear = [minValue(L.minYear), maxValue(L.maxYear)];
const validatePerson = [required(), maxLength(L.personNameMaxLength)];
const validateIndicator = [required(), maxLength(L.indicatorMaxLength)];
const validateValue = [required(), minValue(0), maxValue(L.resultValueMax)];
const validateEvidenceText = [required(), maxLength(L.evidenceTextMaxLength)];
const validateUrl = [maxLength(L.urlMaxLength), regex(/^https?:\/\/\S+$/i, 'danvan.models.urlFormat')];

/** The person's name, for the model of an individual only. */
const PersonNameInput = () => {
  const holderKind: unknown = useWatch({ name: 'holderKind' });
  return holderKind === 'INDIVIDUAL' ? <TextInput source="personName" validate={validatePerson} sx={{ minWidth: 420 }} /> : null;
};

/**
 * A "Dân vận khéo" model: name, owning unit (on creation, empty means the account's own unit), a collective's
 * or a person's, field, level (empty: the owning unit's), the years it runs, what it is, its measured
 * results (indicator, value, unit: "Đất hiến làm đường" 4 685 m²) and its evidence (links).
 */
export const ModelForm = ({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) => (
  <SimpleForm {...props}>
    <TextInput source="name" validate={validateName} fullWidth />
    <UnitReferenceInput
      source="ownerUnitId"
      label={F('ownerUnitId')}
      helperText={creating ? 'danvan.models.ownerHelp' : false}
      validate={creating ? undefined : required()}
      sx={{ minWidth: 420 }}
    />
    <RadioButtonGroupInput source="holderKind" choices={RECIPIENT_KIND_CHOICES} translateChoice={false} validate={required()} />
    <PersonNameInput />
    <SelectInput source="field" choices={MODEL_FIELD_CHOICES} translateChoice={false} validate={required()} />
    <SelectInput
      source="level"
      choices={LEVEL_CHOICES}
      translateChoice={false}
      helperText="danvan.models.levelHelp"
      emptyText="danvan.models.levelOfOwner"
    />
    <NumberInput source="firstYear" label={F('startYear')} step={1} validate={validateFirstYear} sx={{ width: 200 }} />
    <NumberInput
      source="lastYear"
      label={F('endYear')}
      step={1}
      validate={validateLastYear}
      helperText="danvan.models.lastYearHelp"
      sx={{ width: 200 }}
    />
    <TextInput source="description" validate={maxLength(L.descriptionMaxLength)} multiline minRows={3} fullWidth />
    <ArrayInput source="results" validate={maxItems(L.resultsMax, 'danvan.validation.tooManyItems')}>
      <SimpleFormIterator inline disableReordering>
        <TextInput source="indicator" label={F('indicator')} validate={validateIndicator} sx={{ minWidth: 320 }} helperText={false} />
        <NumberInput source="value" label={F('value')} validate={validateValue} sx={{ width: 180 }} helperText={false} />
        <TextInput source="unit" label={F('unit')} validate={maxLength(L.measureUnitMaxLength)} sx={{ width: 140 }} helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="evidence" validate={maxItems(L.evidenceMax, 'danvan.validation.tooManyItems')}>
      <SimpleFormIterator inline disableReordering>
        <TextInput
          source="description"
          label={F('evidenceDescription')}
          validate={validateEvidenceText}
          sx={{ minWidth: 360 }}
          helperText={false}
        />
        <TextInput source="url" label={F('url')} validate={validateUrl} sx={{ minWidth: 360 }} helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);
