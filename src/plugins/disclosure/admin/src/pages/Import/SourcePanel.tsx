// The text the import read, beside the tables: the place of the selected cell or problem is marked and scrolled to.
import * as React from 'react';
import styled from 'styled-components';
import { Box, Typography } from '@strapi/design-system';
import type { SourcePlace } from './api';
import { useImportT } from './i18n';

const Text = styled.pre`
  margin: 0;
  max-height: 78vh;
  overflow: auto;
  white-space: pre-wrap;
  word-break: break-all;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 1.2rem;
  line-height: 1.6;
  padding: ${({ theme }) => theme.spaces[3]};
  background: ${({ theme }) => theme.colors.neutral100};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: ${({ theme }) => theme.borderRadius};

  mark {
    background: ${({ theme }) => theme.colors.primary200};
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    color: inherit;
  }
`;

export function SourcePanel({ text, place, name }: { text: string; place: SourcePlace | null; name: string }) {
  const { t } = useImportT();
  const markRef = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [place?.offset, place?.length]);
  const at = place ? Math.min(place.offset, text.length) : 0;
  const end = place ? Math.min(at + Math.max(place.length, 1), text.length) : 0;
  return (
    <Box tag="section" aria-labelledby="import-source-title" data-testid="import-source">
      <Box paddingBottom={2}>
        <Typography variant="delta" tag="h2" id="import-source-title">
          {t('source.title', 'Source text')}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p" data-testid="import-source-place">
          {place
            ? t('source.place', '{name}, line {line}, column {column}', {
                name,
                line: place.line,
                column: place.column,
              })
            : t('source.hint', 'Select a cell or a problem to see where it was read.')}
        </Typography>
      </Box>
      <Text tabIndex={0} aria-label={t('source.title', 'Source text')}>
        {place ? (
          <>
            {text.slice(0, at)}
            <mark ref={markRef} data-testid="import-source-mark">
              {text.slice(at, end)}
            </mark>
            {text.slice(end)}
          </>
        ) : (
          text
        )}
      </Text>
    </Box>
  );
}
