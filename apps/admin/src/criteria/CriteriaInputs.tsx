import { useEffect, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import {
  AddItemButton,
  ArrayInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { CRITERIA_LIMITS } from '@danvan/contracts';
import { maxItems } from '../units/maxItems';
import { criterionMaxScore, maximumTotal } from './criteriaForm';
import { formatScore } from '../scoring/scoringGrid';

const L = (field: string) => `resources.pledges.criteriaFields.${field}`;
const validateCode = [required(), maxLength(CRITERIA_LIMITS.codeMaxLength)];
const validateTitle = [required(), maxLength(CRITERIA_LIMITS.titleMaxLength)];
const validateMax = [required(), minValue(0.01), maxValue(CRITERIA_LIMITS.maxScore)];
const validateCap = [required(), minValue(0), maxValue(CRITERIA_LIMITS.maxScore)];
const validateMin = [required(), minValue(0)];

interface EditableProps {
  readOnly: boolean;
}

/** Each list says what it adds ("Thêm tiêu chí thành phần"), so the buttons can be told apart. */
const iteratorProps = (readOnly: boolean, addLabel: string) => ({
  addButton: <AddItemButton label={`danvan.criteria.add.${addLabel}`} />,
  disableAdd: readOnly,
  disableRemove: readOnly,
  disableReordering: readOnly,
  disableClear: true,
});

/**
 * A criterion's maximum: typed when it has no sub-criteria, otherwise the sum of theirs, kept up to date as
 * they are edited (the server requires the two to be equal).
 */
const CriterionMaxScoreInput = ({ readOnly }: EditableProps) => {
  const { getSource } = useSourceContext();
  const { setValue, getValues } = useFormContext();
  const subCriteria: unknown = useWatch({ name: getSource('subCriteria') });
  const hasSubs = Array.isArray(subCriteria) && subCriteria.length > 0;
  const sum = hasSubs ? criterionMaxScore({ subCriteria }) : null;
  useEffect(() => {
    if (sum !== null && getValues(getSource('maxScore')) !== sum) setValue(getSource('maxScore'), sum, { shouldDirty: true });
  }, [sum, getSource, getValues, setValue]);
  return (
    <NumberInput
      source="maxScore"
      label={L('maxScore')}
      validate={validateMax}
      readOnly={readOnly || hasSubs}
      helperText={hasSubs ? 'danvan.criteria.sumOfSubCriteria' : false}
      sx={{ width: 200 }}
    />
  );
};

/** The highest total as currently typed (criteria at their maximum plus the bonus cap). */
export const MaxTotalSummary = () => {
  const translate = useTranslate();
  const values: unknown = useWatch();
  return (
    <Typography variant="subtitle1" role="status">
      {translate('danvan.criteria.maxTotal', { total: formatScore(maximumTotal(values)) })}
    </Typography>
  );
};

/** Inputs side by side (they read their item's source from the iterator, wherever they sit). */
const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, alignItems: 'flex-start', width: '100%' }}>{children}</Box>
);

/** Code, title and maximum of a sub-criterion, a bonus or a deduction item. */
const ItemRow = ({ readOnly }: EditableProps) => (
  <Row>
    <TextInput source="code" label={L('code')} validate={validateCode} readOnly={readOnly} sx={{ width: 110 }} />
    <TextInput source="title" label={L('title')} validate={validateTitle} readOnly={readOnly} sx={{ flex: 1, minWidth: 280 }} />
    <NumberInput source="maxScore" label={L('maxScore')} validate={validateMax} readOnly={readOnly} sx={{ width: 160 }} />
  </Row>
);

const ItemInputs = ({ source, readOnly }: { source: 'bonusItems' | 'deductionItems' } & EditableProps) => (
  <ArrayInput source={source} label={L(source)} validate={maxItems(50, 'danvan.validation.tooManyItems')}>
    <SimpleFormIterator fullWidth {...iteratorProps(readOnly, source)}>
      <ItemRow readOnly={readOnly} />
    </SimpleFormIterator>
  </ArrayInput>
);

/**
 * The inputs of a whole criteria set: groups → criteria → sub-criteria, bonus and deduction items with
 * their caps, and the classification bands from the highest down.
 */
export const CriteriaInputs = ({ readOnly }: EditableProps) => (
  <>
    <MaxTotalSummary />
    <ArrayInput source="groups" label={L('groups')} validate={maxItems(CRITERIA_LIMITS.groupsMax, 'danvan.validation.tooManyItems')}>
      <SimpleFormIterator fullWidth {...iteratorProps(readOnly, 'groups')}>
        <Row>
          <TextInput source="code" label={L('groupCode')} validate={validateCode} readOnly={readOnly} sx={{ width: 110 }} />
          <TextInput source="title" label={L('groupTitle')} validate={validateTitle} readOnly={readOnly} sx={{ flex: 1, minWidth: 280 }} />
        </Row>
        <ArrayInput
          source="criteria"
          label={L('criteria')}
          validate={maxItems(CRITERIA_LIMITS.criteriaPerGroupMax, 'danvan.validation.tooManyItems')}
          sx={{ pl: 3 }}
        >
          <SimpleFormIterator fullWidth {...iteratorProps(readOnly, 'criteria')}>
            <Row>
              <TextInput source="code" label={L('code')} validate={validateCode} readOnly={readOnly} sx={{ width: 110 }} />
              <TextInput source="title" label={L('title')} validate={validateTitle} readOnly={readOnly} sx={{ flex: 1, minWidth: 280 }} />
              <CriterionMaxScoreInput readOnly={readOnly} />
            </Row>
            <ArrayInput
              source="subCriteria"
              label={L('subCriteria')}
              validate={maxItems(CRITERIA_LIMITS.subCriteriaMax, 'danvan.validation.tooManyItems')}
              sx={{ pl: 3 }}
            >
              <SimpleFormIterator fullWidth {...iteratorProps(readOnly, 'subCriteria')}>
                <ItemRow readOnly={readOnly} />
              </SimpleFormIterator>
            </ArrayInput>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleFormIterator>
    </ArrayInput>
    <ItemInputs source="bonusItems" readOnly={readOnly} />
    <NumberInput
      source="bonusCap"
      label={L('bonusCap')}
      validate={validateCap}
      readOnly={readOnly}
      helperText="danvan.criteria.bonusCapHelp"
      sx={{ width: 200 }}
    />
    <ItemInputs source="deductionItems" readOnly={readOnly} />
    <NumberInput
      source="deductionCap"
      label={L('deductionCap')}
      validate={validateCap}
      readOnly={readOnly}
      helperText="danvan.criteria.deductionCapHelp"
      sx={{ width: 200 }}
    />
    <ArrayInput
      source="bands"
      label={L('bands')}
      validate={maxItems(CRITERIA_LIMITS.bandsMax, 'danvan.validation.tooManyItems')}
      helperText="danvan.criteria.bandsHelp"
    >
      <SimpleFormIterator fullWidth {...iteratorProps(readOnly, 'bands')}>
        <Row>
          <TextInput source="name" label={L('name')} validate={[required(), maxLength(64)]} readOnly={readOnly} sx={{ width: 260 }} />
          <NumberInput source="minScore" label={L('minScore')} validate={validateMin} readOnly={readOnly} sx={{ width: 160 }} />
        </Row>
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
