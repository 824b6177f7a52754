import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { RECOGNITION_LIMITS as L } from '@danvan/contracts';
import { VnDateInput } from '../fields/VnDateInput';
import { DocumentInput } from '../emulation/DocumentsInput';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { searchFilter } from '../units/searchFilter';
import type { PledgeRecord } from '../pledges/pledgeData';
import { AwardTitleInput, useAwardTitles } from './AwardTitleInput';
import { AWARD_RANK_CHOICES, RECIPIENT_KIND_CHOICES } from './choices';
import { titleSuits } from './recognitionData';

const validateYear = [minValue(L.minYear), maxValue(L.maxYear)];
const validatePerson = [required(), maxLength(L.personNameMaxLength)];
const pledgeText = (pledge: PledgeRecord | undefined) => (pledge ? `${pledge.title} (${pledge.year})` : '');

/** The inputs that depend on other inputs: the entries for the recipient, the person, the rank of a ranked entry, the pledges of the year. */
const AwardInputs = () => {
  const recipientKind: unknown = useWatch({ name: 'recipientKind' });
  const titleId: unknown = useWatch({ name: 'titleId' });
  const year: unknown = useWatch({ name: 'year' });
  const { data: titles } = useAwardTitles();
  const { setValue } = useFormContext();
  const chosen = titles?.find((title) => title.id === titleId);
  const individual = recipientKind === 'INDIVIDUAL';
  // An entry chosen for a collective that a person cannot receive (or the reverse) is no longer offered: clear it.
  const unsuited = chosen !== undefined && !titleSuits(chosen, recipientKind);
  useEffect(() => {
    if (unsuited) setValue('titleId', null, { shouldDirty: true });
  }, [unsuited, setValue]);
  return (
    <>
      <RadioButtonGroupInput source="recipientKind" choices={RECIPIENT_KIND_CHOICES} translateChoice={false} validate={required()} />
      <AwardTitleInput source="titleId" only={(title) => titleSuits(title, recipientKind)} validate={required()} sx={{ minWidth: 420 }} />
      {chosen?.ranked ? <SelectInput source="rank" choices={AWARD_RANK_CHOICES} translateChoice={false} /> : null}
      <UnitReferenceInput
        source="recipientUnitId"
        label={individual ? 'resources.awards.fields.personUnitId' : 'resources.awards.fields.recipientUnitId'}
        validate={required()}
        sx={{ minWidth: 420 }}
      />
      {individual ? (
        <>
          <TextInput source="personName" validate={validatePerson} sx={{ minWidth: 420 }} />
          <TextInput source="personPosition" validate={maxLength(L.positionMaxLength)} sx={{ minWidth: 420 }} />
        </>
      ) : null}
      <UnitReferenceInput source="issuerUnitId" label="resources.awards.fields.issuerUnitId" validate={required()} sx={{ minWidth: 420 }} />
      <DocumentInput source="decisionDocumentId" label="resources.awards.fields.decisionDocumentId" />
      <VnDateInput source="decidedOn" validate={required()} />
      <NumberInput source="year" step={1} validate={validateYear} helperText="danvan.awards.yearHelp" sx={{ width: 200 }} />
      <ReferenceInput source="pledgeId" reference="pledges" filter={typeof year === 'number' ? { year } : {}} perPage={100}>
        <SelectInput optionText={pledgeText} sx={{ minWidth: 420 }} helperText="danvan.awards.pledgeHelp" />
      </ReferenceInput>
      <ReferenceInput source="modelId" reference="models" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={searchFilter} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <TextInput source="citation" validate={maxLength(L.citationMaxLength)} multiline minRows={2} fullWidth />
    </>
  );
};

/**
 * One award: the recipient (a unit, or a named person of a unit), the catalogue entry suited to it (a
 * rank for a ranked one), who decided, when (dd/MM/yyyy) and by which decision, the year, and optionally
 * the pledge or the model it rewards.
 */
export const AwardForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <AwardInputs />
  </SimpleForm>
);
