// The form behind each action button: date (today unless the event happened earlier), the event's own fields, a note.
// The server checks everything again; this form only shapes the request and shows the refusal next to its field.
import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { API, failureOf, type ApplicationDetail, type EventType } from './api';
import { useLabels } from './labels';

interface Props {
  detail: ApplicationDetail;
  type: EventType | null;
  onClose: () => void;
  onRecorded: (detail: ApplicationDetail) => void;
}

const PARTIES = ['thirdParty', 'otherAgency'] as const;
/** Fields the form shows: a refusal naming one of them is shown there, anything else above the form. */
const FORM_FIELDS = ['on', 'days', 'approver', 'party', 'outcome', 'note'];

export function EventForm({ detail, type, onClose, onRecorded }: Props) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t, zh, label, event: eventName } = useLabels();
  const [on, setOn] = React.useState(detail.today);
  const [note, setNote] = React.useState('');
  const [days, setDays] = React.useState<number | undefined>(undefined);
  const [approver, setApprover] = React.useState('');
  const [party, setParty] = React.useState<string>('thirdParty');
  const [outcome, setOutcome] = React.useState<string>('');
  const [submitting, setSubmitting] = React.useState(false);
  const [failure, setFailure] = React.useState<{ message: string; fields: Record<string, string> } | null>(null);

  React.useEffect(() => {
    setOn(detail.today);
    setNote('');
    setDays(undefined);
    setApprover('');
    setParty('thirdParty');
    setOutcome('');
    setFailure(null);
  }, [type, detail.today]);

  if (!type) return null;

  const body = (): Record<string, unknown> => {
    const base: Record<string, unknown> = { type, on, ...(note.trim() ? { note } : {}) };
    if (type === 'extend') return { ...base, days: days ?? null, approver };
    if (type === 'startConsultation') return { ...base, party };
    if (type === 'conclude') return { ...base, outcome: outcome || null };
    return base;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitting(true);
    setFailure(null);
    try {
      const res = await post<{ data: ApplicationDetail }>(API.events(detail.application.documentId), body());
      toggleNotification({
        type: 'success',
        message: t('form.recorded', '{event} recorded', { event: eventName(type) }),
      });
      onRecorded(res.data.data);
    } catch (error) {
      setFailure(failureOf(error, zh));
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (name: string) => failure?.fields[name];
  const lateToday = !detail.allowedToday.includes(type);

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>
              {eventName(type)} · {detail.application.trackingNumber}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure && !FORM_FIELDS.some((f) => failure.fields[f]) ? (
                <Box padding={3} background="danger100" hasRadius role="alert">
                  <Typography textColor="danger700">{failure.message}</Typography>
                </Box>
              ) : null}
              <Field.Root
                name="on"
                error={fieldError('on')}
                hint={
                  lateToday
                    ? t('form.lateHint', 'A deadline has passed for today: enter the day it really happened.')
                    : t('form.onHint', 'The day it happened; the statutory clock counts from it.')
                }
                required
              >
                <Field.Label>{t('form.on', 'Date')}</Field.Label>
                <TextInput
                  type="date"
                  value={on}
                  max={detail.today}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setOn(e.target.value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>

              {type === 'extend' ? (
                <>
                  <Field.Root
                    name="days"
                    error={fieldError('days')}
                    hint={t('form.daysHint', 'At most 20 working days, once.')}
                    required
                  >
                    <Field.Label>{t('form.days', 'Extension (working days)')}</Field.Label>
                    <NumberInput value={days} onValueChange={(value: number | undefined) => setDays(value)} step={1} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                  <Field.Root
                    name="approver"
                    error={fieldError('approver')}
                    hint={t('form.approverHint', 'The head of the disclosure office who approved it.')}
                    required
                  >
                    <Field.Label>{t('form.approver', 'Approved by')}</Field.Label>
                    <TextInput
                      value={approver}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setApprover(e.target.value)}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </>
              ) : null}

              {type === 'startConsultation' ? (
                <Field.Root name="party" error={fieldError('party')} required>
                  <Field.Label>{t('form.party', 'Consulted')}</Field.Label>
                  <SingleSelect value={party} onChange={(value: string | number) => setParty(String(value))}>
                    {PARTIES.map((p) => (
                      <SingleSelectOption key={p} value={p}>
                        {t(`party.${p}`, p)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              ) : null}

              {type === 'conclude' ? (
                <Field.Root
                  name="outcome"
                  error={fieldError('outcome')}
                  hint={t('form.outcomeHint', 'The one result row of table III this application counts in.')}
                  required
                >
                  <Field.Label>{t('form.outcome', 'Outcome')}</Field.Label>
                  <SingleSelect
                    value={outcome}
                    placeholder={t('form.outcomePlaceholder', 'Choose the outcome')}
                    onChange={(value: string | number) => setOutcome(String(value))}
                  >
                    {detail.outcomes.map((o) => (
                      <SingleSelectOption key={o.code} value={o.code}>
                        {label(o)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              ) : null}

              <Field.Root name="note" error={fieldError('note')}>
                <Field.Label>{t('form.note', 'Note')}</Field.Label>
                <Textarea
                  value={note}
                  onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
              <Typography variant="pi" textColor="neutral600">
                {t('form.audit', 'Recorded events cannot be changed or deleted afterwards.')}
              </Typography>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" type="button">
                {t('form.cancel', 'Cancel')}
              </Button>
            </Modal.Close>
            <Button
              type="submit"
              loading={submitting}
              variant={type === 'withdraw' || type === 'correctionExpired' ? 'danger' : 'default'}
            >
              {t('form.submit', 'Record')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}
