/** Previous/next paging under a paged list (the worklist, the compliance overview), with a "page x of y" summary. */
import { Button, Flex, Typography } from '@strapi/design-system';

export interface PageInfo {
  page: number;
  pageCount: number;
  total: number;
}

export function Pager(props: {
  pagination: PageInfo;
  /** The summary line, already translated ("第 1/3 页 · 共 120 件"). */
  summary: string;
  previous: string;
  next: string;
  onPage: (page: number) => void;
}) {
  const { pagination, summary, previous, next, onPage } = props;
  return (
    <Flex gap={3} justifyContent="flex-end" alignItems="center">
      <Typography variant="pi" textColor="neutral700">
        {summary}
      </Typography>
      <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => onPage(pagination.page - 1)}>
        {previous}
      </Button>
      <Button
        variant="tertiary"
        disabled={pagination.page >= pagination.pageCount}
        onClick={() => onPage(pagination.page + 1)}
      >
        {next}
      </Button>
    </Flex>
  );
}
