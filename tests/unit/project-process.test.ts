// The controller's glue from loaded projects (with their published notices) to deriveProcess.
import { processOf, withProcesses } from '../../src/api/transaction-project/domain/project-process';

const project = {
  documentId: 'p1',
  category: 'construction',
  registeredOn: '2024-03-01',
  contractSignedOn: null,
  hasComplaint: false,
  keyTimes: { bidOpeningAt: '2024-03-26T01:30:00.000Z' },
  notices: [
    { documentId: 'n2', title: '候选人公示', noticeType: 'candidatePublicity', releasedAt: '2024-03-28T02:00:00.000Z' },
    {
      documentId: 'n1',
      title: '招标公告',
      noticeType: 'tenderNotice',
      releasedAt: new Date('2024-03-04T02:00:00.000Z') as any,
    },
  ],
};
const now = new Date('2024-04-01T00:00:00Z');

describe('processOf', () => {
  it('derives the timeline with each stage linked to its notices', () => {
    const p = processOf(project, now)!;
    expect(p.stage).toBe('candidates');
    expect(p.timeline.map((s) => [s.stage, s.status])).toEqual([
      ['registered', 'done'],
      ['announced', 'done'],
      ['opened', 'done'],
      ['evaluated', 'done'],
      ['candidates', 'current'],
      ['result', 'upcoming'],
      ['contract', 'upcoming'],
    ]);
    expect(p.timeline[1].notices).toEqual([
      { documentId: 'n1', title: '招标公告', noticeType: 'tenderNotice', releasedAt: '2024-03-04T02:00:00.000Z' },
    ]);
  });

  it('is null without a known category or a registration date', () => {
    expect(processOf({ documentId: 'x', category: 'unknown', registeredOn: '2024-01-01' })).toBeNull();
    expect(processOf({ documentId: 'x', category: 'construction', registeredOn: null })).toBeNull();
  });

  it('handles a project without key times or notices', () => {
    const p = processOf(
      { documentId: 'x', category: 'landUse', registeredOn: '2024-01-01', keyTimes: null, notices: null },
      now,
    )!;
    expect(p.stage).toBe('registered');
    expect(p.timeline[0].status).toBe('current');
  });
});

describe('withProcesses', () => {
  it('adds a process to each item by documentId, null when the project was not loaded', () => {
    const data: any[] = [
      { documentId: 'p1', name: 'a' },
      { documentId: 'p9', name: 'b' },
    ];
    withProcesses(data, [project], now);
    expect(data[0].process.stage).toBe('candidates');
    expect(data[1].process).toBeNull();
    const one: any = { documentId: 'p1' };
    withProcesses(one, [project], now);
    expect(one.process.ended).toBe(false);
  });
});
