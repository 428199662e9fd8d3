/**
 * The visible process of a transaction (交易流程可视化): which notice types a category has, and a project's stages
 * derived from its published notices and key times. Pure: the controller feeds it plain data.
 */

export const CATEGORIES = ['construction', 'procurement', 'landUse', 'miningRights', 'stateProperty'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
  construction: { zh: '工程建设', en: 'Construction tendering' },
  procurement: { zh: '政府采购', en: 'Government procurement' },
  landUse: { zh: '土地使用权', en: 'Land-use rights' },
  miningRights: { zh: '矿业权', en: 'Mining rights' },
  stateProperty: { zh: '国有产权', en: 'State-owned property rights' },
};

export const NOTICE_TYPES: Record<string, { zh: string; en: string; stage: Stage }> = {
  tenderNotice: { zh: '招标公告', en: 'Tender notice', stage: 'announced' },
  prequalificationNotice: { zh: '资格预审公告', en: 'Prequalification notice', stage: 'announced' },
  amendmentNotice: { zh: '变更公告', en: 'Amendment notice', stage: 'amended' },
  clarificationNotice: { zh: '答疑公示', en: 'Clarification', stage: 'amended' },
  candidatePublicity: { zh: '中标候选人公示', en: 'Candidates publicity', stage: 'candidates' },
  awardResult: { zh: '中标结果公告', en: 'Award result', stage: 'result' },
  failedTender: { zh: '流标公示', en: 'Failed tender', stage: 'failed' },
  procurementNotice: { zh: '采购公告', en: 'Procurement notice', stage: 'announced' },
  correctionNotice: { zh: '更正公告', en: 'Correction notice', stage: 'amended' },
  procurementResult: { zh: '中标(成交)结果公告', en: 'Procurement result', stage: 'result' },
  contractNotice: { zh: '合同公告', en: 'Contract notice', stage: 'contract' },
  terminationNotice: { zh: '终止公告', en: 'Termination notice', stage: 'terminated' },
  transferNotice: { zh: '出让公告', en: 'Transfer notice', stage: 'announced' },
  dealPublicity: { zh: '成交公示', en: 'Deal publicity', stage: 'result' },
  listingDisclosure: { zh: '挂牌披露', en: 'Listing disclosure', stage: 'announced' },
  dealResult: { zh: '交易结果公告', en: 'Deal result', stage: 'result' },
};

export const NOTICE_TYPES_BY_CATEGORY: Record<Category, string[]> = {
  construction: [
    'tenderNotice',
    'prequalificationNotice',
    'amendmentNotice',
    'clarificationNotice',
    'candidatePublicity',
    'awardResult',
    'failedTender',
  ],
  procurement: ['procurementNotice', 'correctionNotice', 'procurementResult', 'contractNotice', 'terminationNotice'],
  landUse: ['transferNotice', 'dealPublicity'],
  miningRights: ['transferNotice', 'dealPublicity'],
  stateProperty: ['listingDisclosure', 'dealResult'],
};

export type Stage =
  | 'registered'
  | 'announced'
  | 'amended'
  | 'opened'
  | 'evaluated'
  | 'candidates'
  | 'result'
  | 'contract'
  | 'failed'
  | 'terminated'
  | 'complaint';

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  registered: { zh: '项目登记', en: 'Registered' },
  announced: { zh: '公告', en: 'Announced' },
  amended: { zh: '变更/答疑', en: 'Amendments' },
  opened: { zh: '开标', en: 'Bid opening' },
  evaluated: { zh: '评标', en: 'Evaluation' },
  candidates: { zh: '候选人公示', en: 'Candidates' },
  result: { zh: '结果公告', en: 'Result' },
  contract: { zh: '合同', en: 'Contract' },
  failed: { zh: '流标', en: 'Failed' },
  terminated: { zh: '终止', en: 'Terminated' },
  complaint: { zh: '异议投诉', en: 'Objection or complaint' },
};

/** The main line of each category; amendments are optional and shown only when a notice exists. */
const MAIN_LINE: Record<Category, Stage[]> = {
  construction: ['registered', 'announced', 'amended', 'opened', 'evaluated', 'candidates', 'result', 'contract'],
  procurement: ['registered', 'announced', 'amended', 'opened', 'evaluated', 'result', 'contract'],
  landUse: ['registered', 'announced', 'opened', 'result', 'contract'],
  miningRights: ['registered', 'announced', 'opened', 'result', 'contract'],
  stateProperty: ['registered', 'announced', 'opened', 'result', 'contract'],
};
const OPTIONAL: Stage[] = ['amended'];

export type NoticeRef = { documentId: string; title: string; noticeType: string; releasedAt: string };
export type ProcessInput = {
  category: Category;
  registeredOn: string;
  bidOpeningAt?: string | null;
  contractSignedOn?: string | null;
  hasComplaint?: boolean | null;
  notices: NoticeRef[];
  now?: Date;
};
export type TimelineStep = {
  stage: Stage;
  label: { zh: string; en: string };
  status: 'done' | 'current' | 'upcoming';
  date: string | null;
  notices: NoticeRef[];
};
export type Process = { stage: Stage; ended: boolean; timeline: TimelineStep[]; branches: TimelineStep[] };

export function deriveProcess(input: ProcessInput): Process {
  const now = (input.now ?? new Date()).getTime();
  const byStage = new Map<Stage, NoticeRef[]>();
  for (const notice of [...input.notices].sort((a, b) => a.releasedAt.localeCompare(b.releasedAt))) {
    const stage = NOTICE_TYPES[notice.noticeType]?.stage;
    if (!stage) continue;
    byStage.set(stage, [...(byStage.get(stage) ?? []), notice]);
  }
  const firstDate = (stage: Stage) => byStage.get(stage)?.[0]?.releasedAt ?? null;
  const opened = input.bidOpeningAt && new Date(input.bidOpeningAt).getTime() <= now ? input.bidOpeningAt : null;
  const reached: Partial<Record<Stage, string | null>> = { registered: input.registeredOn };
  for (const stage of byStage.keys()) reached[stage] = firstDate(stage);
  if (opened) reached.opened = opened;
  // Evaluation has no notice of its own: it happened once a later stage is public.
  if (reached.candidates || reached.result) reached.evaluated = reached.opened ?? null;
  if (input.contractSignedOn) reached.contract = input.contractSignedOn;

  const line = MAIN_LINE[input.category].filter((stage) => !OPTIONAL.includes(stage) || stage in reached);
  let lastDone = -1;
  line.forEach((stage, i) => {
    if (stage in reached) lastDone = i;
  });
  const branches: TimelineStep[] = (['failed', 'terminated'] as Stage[])
    .filter((stage) => stage in reached)
    .map((stage) => ({
      stage,
      label: STAGE_LABELS[stage],
      status: 'current',
      date: reached[stage] ?? null,
      notices: byStage.get(stage) ?? [],
    }));
  if (input.hasComplaint)
    branches.push({ stage: 'complaint', label: STAGE_LABELS.complaint, status: 'current', date: null, notices: [] });
  const ended = branches.some((b) => b.stage === 'failed' || b.stage === 'terminated');

  const timeline: TimelineStep[] = line.map((stage, i) => ({
    stage,
    label: STAGE_LABELS[stage],
    // Steps up to the last one reached are done, even if skipped in the records (a stage can be implicit).
    status:
      i < lastDone || (i === lastDone && (ended || i === line.length - 1))
        ? 'done'
        : i === lastDone
          ? 'current'
          : 'upcoming',
    date: reached[stage] ?? null,
    notices: byStage.get(stage) ?? [],
  }));
  const stage = ended ? branches.find((b) => b.stage !== 'complaint')!.stage : line[Math.max(lastDone, 0)];
  return { stage, ended, timeline, branches };
}
