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
  useGetOne,
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
import { awardPledgeFilter, pledgeOfOtherYear, titleSuits } from './recognitionData';

const validateYear = [minValue(L.minYear), maxValue(L.maxYear)];
const validatePerson = [required(), maxLength(L.personNameMaxLength)];
const pledgeText = (pledge: PledgeRecord | undefined) => (pledge ? `${pledge.title} (${pledge.year})` : '');

/**
 * The inputs that depend on other inputs: the entries for the recipient, the person, the rank of a ranked
 * entry, the finalised pledges of the year (a pledge of another year is cleared when the year changes).
 */
const AwardInputs = () => {
  const recipientKind: unknown = useWatch({ name: 'recipientKind' });
  const titleId: unknown = useWatch({ name: 'titleId' });
  const year: unknown = useWatch({ name: 'year' });
  const pledgeId: unknown = useWatch({ name: 'pledgeId' });
  const { data: titles } = useAwardTitles();
  const { setValue } = useFormContext();
  const chosen = titles?.find((title) => title.id === titleId);
  const individual = recipientKind === 'INDIVIDUAL';
  // An entry chosen for a collective that a person cannot receive (or the reverse) is no longer offered: clear it.
  const unsuited = chosen !== undefined && !titleSuits(chosen, recipientKind);
  useEffect(() => {
    if (unsuited) setValue('titleId', null, { shouldDirty: true });
  }, [unsuited, setValue]);
  // A pledge chosen for another year (the year was typed or changed afterwards) is no longer offered: clear it.
  const chosenPledgeId = typeof pledgeId === 'string' && pledgeId !== '' ? pledgeId : undefined;
  const { data: pledge } = useGetOne<PledgeRecord>('pledges', { id: chosenPledgeId ?? '' }, { enabled: chosenPledgeId !== undefined });
  const otherYear = chosenPledgeId !== undefined && pledge?.id === chosenPledgeId && pledgeOfOtherYear(pledge.year, year);
  useEffect(() => {
    if (otherYear) setValue('pledgeId', null, { shouldDirty: true });
  }, [otherYear, setValue]);
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
      <ReferenceInput source="pledgeId" reference="pledges" filter={awardPledgeFilter(year)} perPage={100}>
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
