import { useWatch } from 'react-hook-form';
import { TextInput, maxLength, required, useTranslate } from 'react-admin';
import { DOCUMENT_LIMITS, parseDocumentNumber } from '@danvan/contracts';
import { DOCUMENT_FORM_LABELS } from '../emulation/choices';

const validateNumber = [required(), maxLength(DOCUMENT_LIMITS.numberMaxLength)];

/**
 * "Số, ký hiệu" with a live reading of what is typed: the form, type and issuing bodies (lead first) that
 * the server will store, or what is wrong with it. The server validates the number again and its field
 * error replaces this help beside the input.
 */
export const DocumentNumberInput = () => {
  const translate = useTranslate();
  const typed: unknown = useWatch({ name: 'number' });
  const text = typeof typed === 'string' ? typed : '';
  let helper: string = translate('danvan.documents.numberHelp');
  if (text.trim() !== '') {
    const parsed = parseDocumentNumber(text);
    helper = parsed.ok
      ? translate('danvan.documents.numberPreview', {
          form: DOCUMENT_FORM_LABELS[parsed.value.form],
          type: `${parsed.value.typeName} (${parsed.value.type})`,
          issuers: parsed.value.issuers.join(', '),
          year: parsed.value.year ? ` · ${translate('danvan.documents.year')} ${parsed.value.year}` : '',
        })
      : parsed.message;
  }
  return <TextInput source="number" validate={validateNumber} helperText={helper} sx={{ minWidth: 360 }} />;
};
