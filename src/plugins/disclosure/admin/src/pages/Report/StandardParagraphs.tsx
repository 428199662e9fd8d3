// The standard numeric paragraphs of the computed tables (server: report/paragraphs.ts), in zh-Hans and en, shown
// in a dialog for the officer to copy into section 一 and edit: the numbers then agree with the tables.
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Loader, Modal, Textarea, Typography } from '@strapi/design-system';
import { Duplicate, Paragraph } from '@strapi/icons';
import { API, failureOf, type Failure } from './api';
import { useReportT } from './i18n';

interface Paragraphs {
  overview: string;
  applications: string;
}

const LOCALES = ['zh-Hans', 'en'] as const;

export function StandardParagraphs({ organization, year }: { organization: string; year: number }) {
  const { get } = useFetchClient();
  const { t } = useReportT();
  const [open, setOpen] = React.useState(false);
  const [texts, setTexts] = React.useState<Record<string, Paragraphs> | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [copied, setCopied] = React.useState<string | null>(null);

  const load = async () => {
    setOpen(true);
    setTexts(null);
    setFailure(null);
    try {
      const answers = await Promise.all(
        LOCALES.map((locale) => get<{ data: Paragraphs }>(API.paragraphs, { params: { organization, year, locale } })),
      );
      setTexts(Object.fromEntries(LOCALES.map((locale, i) => [locale, answers[i].data.data])));
    } catch (e) {
      setFailure(failureOf(e));
    }
  };

  const copy = async (key: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(key);
    } catch {
      setCopied(null);
    }
  };

  const field = (locale: string, part: keyof Paragraphs, label: string) => {
    const key = `${locale}.${part}`;
    const text = texts?.[locale]?.[part] ?? '';
    return (
      <Field.Root key={key} name={key} hint={copied === key ? t('paragraphs.copied', 'Copied') : undefined}>
        <Flex justifyContent="space-between" alignItems="flex-end" paddingBottom={1}>
          <Field.Label>{label}</Field.Label>
          <Button
            size="S"
            variant="tertiary"
            startIcon={<Duplicate />}
            onClick={() => copy(key, text)}
            data-testid={`paragraphs-copy-${key}`}
          >
            {t('paragraphs.copy', 'Copy')}
          </Button>
        </Flex>
        <Textarea value={text} readOnly rows={5} data-testid={`paragraphs-${key}`} />
        <Field.Hint />
      </Field.Root>
    );
  };

  return (
    <>
      <Button variant="secondary" startIcon={<Paragraph />} onClick={load} data-testid="paragraphs-open">
        {t('paragraphs.open', 'Standard paragraphs')}
      </Button>
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Content style={{ width: 'min(90rem, 94vw)', maxWidth: 'none' }}>
          <Modal.Header closeLabel={t('close', 'Close')}>
            <Modal.Title>{t('paragraphs.title', 'Standard paragraphs of the tables')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t(
                'paragraphs.hint',
                'Generated from the computed tables: copy them into section I and edit the wording; the numbers agree with the tables.',
              )}
            </Typography>
            <Box paddingTop={4}>
              {failure ? (
                <Typography textColor="danger600">{failure.message}</Typography>
              ) : !texts ? (
                <Loader small>{t('loading', 'Loading…')}</Loader>
              ) : (
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {field('zh-Hans', 'overview', t('paragraphs.overview.zh', 'Section I, overview (Chinese)'))}
                  {field('zh-Hans', 'applications', t('paragraphs.applications.zh', 'Applications (Chinese)'))}
                  {field('en', 'overview', t('paragraphs.overview.en', 'Section I, overview (English)'))}
                  {field('en', 'applications', t('paragraphs.applications.en', 'Applications (English)'))}
                </Flex>
              )}
            </Box>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('close', 'Close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
