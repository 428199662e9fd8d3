/**
 * Enumerations with their labels (规章, 招标公告…) instead of their stored codes. Strapi 5 renders an enumeration's
 * options as the raw values; an app may replace the input of a field type (`addFields`), so this select stores exactly
 * the same code and only shows the label declared in src/labels (the code itself when a value has none).
 */
import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { enumLabelsFor, type Bilingual } from '../labels';

const pick = (label: Bilingual | undefined, locale: string, code: string) =>
  label ? (locale.startsWith('zh') ? label.zh : label.en) : code;

type EnumerationProps = {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
  placeholder?: string;
  attribute: { enum: string[] };
};

export const LabelledEnumeration = React.forwardRef<HTMLDivElement, EnumerationProps>(
  ({ name, label, hint, required, disabled, labelAction, attribute }, _ref) => {
    const { formatMessage, locale } = useIntl();
    const field = useField<string | null>(name);
    const labels = enumLabelsFor(attribute.enum);
    return (
      <Field.Root error={field.error} name={name} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <SingleSelect
          disabled={disabled}
          value={field.value ?? ''}
          onChange={(value: string | number) => field.onChange(name, value === '' ? null : String(value))}
        >
          <SingleSelectOption value="" disabled={required} hidden={required}>
            {formatMessage({ id: 'components.InputSelect.option.placeholder', defaultMessage: 'Choose here' })}
          </SingleSelectOption>
          {attribute.enum.map((code) => (
            <SingleSelectOption key={code} value={code}>
              {pick(labels?.[code], locale, code)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);

/** A list view cell of an enumeration: its label, the code on hover (editors and developers speak of the same thing). */
export function EnumerationCell({ value, values }: { value: unknown; values: string[] }) {
  const { locale } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return (
    <Typography textColor="neutral800" title={value}>
      {pick(enumLabelsFor(values)?.[value], locale, value)}
    </Typography>
  );
}
