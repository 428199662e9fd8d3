// Working-day calendar: official facts from the State Council notices, overrides, coverage and the counting rules.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { CalendarInputError, InvalidDateError, PACKAGE_YEARS, createCalendar } from '../calendar';
import { addDays, fromDayNumber, toDayNumber } from '../dates';

const calendar = createCalendar();
const FIRST_UNCOVERED = Math.max(...PACKAGE_YEARS) + 1;

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('chinese-days data', () => {
  it('covers the contiguous years 2004–2026 in the pinned version', () => {
    expect(PACKAGE_YEARS[0]).toBe(2004);
    expect(PACKAGE_YEARS).toEqual(Array.from({ length: PACKAGE_YEARS.length }, (_, i) => 2004 + i));
    expect(PACKAGE_YEARS).toContain(2026);
  });
});

describe('official calendar facts (国务院办公厅 notices)', () => {
  // 国办发明电〔2023〕7号: 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
  it('2024 National Day: 1–7 Oct off; Sun 29 Sep and Sat 12 Oct worked', () => {
    for (const d of range('2024-10-01', '2024-10-07')) {
      expect(calendar.dayInfo(d)).toMatchObject({ working: false, kind: 'holiday', name: '国庆节', source: 'package' });
    }
    expect(calendar.dayInfo('2024-09-29')).toMatchObject({ working: true, kind: 'makeUpWorkday', name: '国庆节' });
    expect(calendar.dayInfo('2024-10-12')).toMatchObject({ working: true, kind: 'makeUpWorkday', name: '国庆节' });
    expect(calendar.isWorkingDay('2024-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-13')).toBe(false);
  });

  // 国办发明电〔2023〕7号: 中秋节 9月15日至17日放假调休，共3天。9月14日（星期六）上班。
  it('2024 Mid-autumn: 15–17 Sep off; Sat 14 Sep worked', () => {
    expect(range('2024-09-15', '2024-09-17').map((d) => calendar.isWorkingDay(d))).toEqual([false, false, false]);
    expect(calendar.dayInfo('2024-09-14')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
  });

  // 国办发明电〔2024〕12号: 1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
  it('2025 Spring Festival: 28 Jan–4 Feb off; Sun 26 Jan and Sat 8 Feb worked', () => {
    for (const d of range('2025-01-28', '2025-02-04')) {
      expect(calendar.dayInfo(d)).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    }
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-09')).toBe(false);
  });

  // 国办发明电〔2020〕27号: 国庆节、中秋节 10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
  it('2021 National Day: 1–7 Oct off; Sun 26 Sep and Sat 9 Oct worked', () => {
    expect(range('2021-10-01', '2021-10-07').every((d) => !calendar.isWorkingDay(d))).toBe(true);
    expect(calendar.dayInfo('2021-09-26')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
    expect(calendar.dayInfo('2021-10-09')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
  });

  // 国办发明电〔2020〕1号 extended the 2020 Spring Festival holiday to 2 Feb.
  it('2020 extended Spring Festival: off until Sun 2 Feb, back on Mon 3 Feb', () => {
    expect(range('2020-01-24', '2020-02-02').every((d) => !calendar.isWorkingDay(d))).toBe(true);
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });

  // 2026 notice (gov.cn content_7047091, cited by the package): 春节 2月15日至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
  it('2026 Spring Festival: 15–23 Feb off; Sat 14 Feb and Sat 28 Feb worked', () => {
    expect(range('2026-02-15', '2026-02-23').every((d) => !calendar.isWorkingDay(d))).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
  });

  it('ordinary weeks follow the week rule', () => {
    expect(calendar.dayInfo('2024-03-06')).toEqual({
      date: '2024-03-06',
      working: true,
      kind: 'weekday',
      name: null,
      source: 'weekRule',
      provisional: false,
    });
    expect(calendar.dayInfo('2024-03-09')).toMatchObject({ working: false, kind: 'weekend', source: 'weekRule' });
  });

  // The package's own functions take the day in the process's time zone (the previous day west of UTC): they are
  // asked in a child process running in China's zone, so the comparison runs, and holds, wherever the tests run;
  // ours never depends on the zone.
  it('agrees with the package’s isWorkday (asked in Asia/Shanghai) on every day of 2004–2026, whatever the local zone', () => {
    const days = range('2004-01-01', '2026-12-31');
    const script = `const { isWorkday } = require('chinese-days'); const days = require('fs').readFileSync(0, 'utf8').split(','); process.stdout.write(days.map((d) => (isWorkday(d) ? '1' : '0')).join(''));`;
    const child = spawnSync(process.execPath, ['-e', script], {
      input: days.join(','),
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toHaveLength(days.length);
    const disagreements = days.filter((d, i) => calendar.isWorkingDay(d) !== (child.stdout[i] === '1'));
    expect(disagreements).toEqual([]);
  });
});

describe('counting working days', () => {
  it('the day itself is not counted: the next working day is 1', () => {
    expect(calendar.addWorkingDays('2024-09-30', 1)).toBe('2024-10-08');
    expect(calendar.addWorkingDays('2024-09-27', 1)).toBe('2024-09-29');
    expect(calendar.addWorkingDays('2024-10-05', 1)).toBe('2024-10-08');
  });

  it('20 working days from Mon 2 Sep 2024 cross Mid-autumn and two make-up days: Mon 30 Sep', () => {
    expect(calendar.addWorkingDays('2024-09-02', 20)).toBe('2024-09-30');
  });

  it('n = 0 returns the date itself, even on a holiday; negative n counts backwards', () => {
    expect(calendar.addWorkingDays('2024-10-03', 0)).toBe('2024-10-03');
    expect(calendar.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
  });

  it('workingDaysBetween counts (a, b], negative when b is before a', () => {
    expect(calendar.workingDaysBetween('2024-09-30', '2024-10-08')).toBe(1);
    expect(calendar.workingDaysBetween('2024-10-08', '2024-09-30')).toBe(-1);
    expect(calendar.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    expect(Object.is(calendar.workingDaysBetween('2024-10-07', '2024-10-01'), 0)).toBe(true);
    expect(calendar.workingDaysBetween('2024-09-02', '2024-09-30')).toBe(20);
  });

  it('properties: between inverts add; add composes; results are working days', () => {
    // Up to 300 working days (~14 months) from mid-2024 at the latest stays inside the package's years.
    const dayIn2005to2024 = fc
      .integer({ min: toDayNumber('2005-01-01'), max: toDayNumber('2024-06-30') })
      .map(fromDayNumber);
    fc.assert(
      fc.property(dayIn2005to2024, fc.nat(150), fc.nat(150), (a, m, n) => {
        const b = calendar.addWorkingDays(a, n);
        expect(calendar.workingDaysBetween(a, b)).toBe(n);
        expect(calendar.workingDaysBetween(b, a)).toBe(n === 0 ? 0 : -n);
        if (n > 0) expect(calendar.isWorkingDay(b)).toBe(true);
        expect(calendar.addWorkingDays(calendar.addWorkingDays(a, m), n)).toBe(calendar.addWorkingDays(a, m + n));
        if (calendar.isWorkingDay(a)) expect(calendar.addWorkingDays(b, -n)).toBe(a);
      }),
    );
  });
});

describe('input validation', () => {
  it.each([['2024-02-30'], ['2024-2-3'], ['2024-13-01'], [''], ['2024-10-01T00:00:00Z'], ['0050-01-01']])(
    'rejects the date %p',
    (bad) => {
      expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidDateError);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(InvalidDateError);
    },
  );

  it('rejects values that are not strings', () => {
    expect(() => calendar.isWorkingDay(20240101 as unknown as string)).toThrow(InvalidDateError);
    expect(() => calendar.isWorkingDay(null as unknown as string)).toThrow(InvalidDateError);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => calendar.addWorkingDays('2024-10-08', 1.5)).toThrow(CalendarInputError);
    expect(() => calendar.addWorkingDays('2024-10-08', Number.NaN)).toThrow(CalendarInputError);
  });

  it('accepts 29 Feb of a leap year only', () => {
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
    expect(() => calendar.isWorkingDay('2023-02-29')).toThrow(InvalidDateError);
  });
});

describe('coverage', () => {
  it('reports package years with their counts', () => {
    expect(calendar.coverage(2024)).toEqual({
      year: 2024,
      known: true,
      fromPackage: true,
      markedComplete: false,
      enteredDays: 0,
      holidays: 28,
      makeUpWorkdays: 8,
    });
  });

  it('a year beyond the package is unknown: its days follow the week rule, flagged provisional', () => {
    expect(calendar.coverage(FIRST_UNCOVERED)).toMatchObject({
      known: false,
      fromPackage: false,
      markedComplete: false,
    });
    expect(calendar.isKnownYear(FIRST_UNCOVERED)).toBe(false);
    // 1 January 2027 is a Friday: a working day by the week rule, until the year's schedule is entered.
    expect(calendar.dayInfo(`${FIRST_UNCOVERED}-01-01`)).toEqual({
      date: `${FIRST_UNCOVERED}-01-01`,
      working: true,
      kind: 'weekday',
      name: null,
      source: 'weekRule',
      provisional: true,
    });
    expect(calendar.dayInfo('2003-06-02')).toMatchObject({ working: true, provisional: true });
    expect(calendar.dayInfo('2026-12-31')).toMatchObject({ provisional: false });
  });

  it('unknownYearsIn names the unknown years of the days in (a, b]', () => {
    expect(calendar.unknownYearsIn('2026-12-10', '2027-01-07')).toEqual([2027]);
    expect(calendar.unknownYearsIn('2027-01-07', '2026-12-10')).toEqual([2027]);
    expect(calendar.unknownYearsIn('2026-12-10', '2026-12-31')).toEqual([]);
    // The first day is not counted: from 31 December 2026 to itself, or counting starts the next day.
    expect(calendar.unknownYearsIn('2026-12-31', '2026-12-31')).toEqual([]);
    expect(calendar.unknownYearsIn('2003-12-01', '2004-01-10')).toEqual([2003]);
    expect(calendar.unknownYearsIn('2003-12-31', '2004-01-10')).toEqual([]);
    expect(calendar.unknownYearsIn('2026-06-01', '2029-01-02')).toEqual([2027, 2028, 2029]);
    expect(createCalendar({ knownYears: [2028] }).unknownYearsIn('2026-06-01', '2029-01-02')).toEqual([2027, 2029]);
  });

  it('validates the year asked about', () => {
    expect(() => calendar.coverage(24)).toThrow(CalendarInputError);
    expect(() => calendar.coverage(2024.5)).toThrow(CalendarInputError);
    expect(() => calendar.isKnownYear(24)).toThrow(CalendarInputError);
  });
});

// An illustrative 2027 schedule entered by an officer (the State Council notice is not out on 2026-11-30): 元旦 1 January
// (Friday) off; 春节 Saturday 6 – Sunday 14 February off, Sunday 31 January and Saturday 20 February worked.
const SCHEDULE_2027 = [
  { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
  ...range('2027-02-06', '2027-02-14').map((date) => ({ date, kind: 'holiday' as const, name: '春节' })),
  { date: '2027-01-31', kind: 'workday' as const, name: '春节' },
  { date: '2027-02-20', kind: 'workday' as const, name: '春节' },
];

describe('a year entered by an officer', () => {
  it('entering days does not make the year known: one entered day of 2027 leaves Spring Festival a working week', () => {
    const cal = createCalendar({ overrides: [SCHEDULE_2027[0]!] });
    expect(cal.coverage(2027)).toMatchObject({ known: false, markedComplete: false, enteredDays: 1, holidays: 1 });
    expect(cal.dayInfo('2027-01-01')).toMatchObject({ working: false, source: 'override', provisional: true });
    // Monday 8 February 2027, in the Spring Festival week: still a working day, and flagged as a guess.
    expect(cal.dayInfo('2027-02-08')).toMatchObject({ working: true, source: 'weekRule', provisional: true });
    expect(cal.unknownYearsIn('2027-01-20', '2027-02-17')).toEqual([2027]);
  });

  it('marked complete, the year is known and its entered days are official', () => {
    const cal = createCalendar({ overrides: SCHEDULE_2027, knownYears: [2027] });
    expect(cal.coverage(2027)).toMatchObject({
      known: true,
      fromPackage: false,
      markedComplete: true,
      enteredDays: 12,
      holidays: 10,
      makeUpWorkdays: 2,
    });
    expect(cal.dayInfo('2027-02-08')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '春节',
      provisional: false,
    });
    expect(cal.dayInfo('2027-01-31')).toMatchObject({ working: true, kind: 'makeUpWorkday', provisional: false });
    expect(cal.unknownYearsIn('2027-01-20', '2027-02-17')).toEqual([]);
  });

  it('pins the due dates: filed Thursday 10 December 2026, provisional then official', () => {
    const provisional = createCalendar();
    const official = createCalendar({ overrides: SCHEDULE_2027, knownYears: [2027] });
    // Weekends only in 2027: 15 working days left in December, Fri 1 January, Mon 4 – Thu 7 January.
    expect(provisional.addWorkingDays('2026-12-10', 20)).toBe('2027-01-07');
    // 元旦 off: one day later.
    expect(official.addWorkingDays('2026-12-10', 20)).toBe('2027-01-08');
    // Extended by 20 working days: weekends only, Wed 4 February; officially, 元旦 off and Sunday 31 January worked.
    expect(provisional.addWorkingDays('2026-12-10', 40)).toBe('2027-02-04');
    expect(official.addWorkingDays('2026-12-10', 40)).toBe('2027-02-04');
    // Received Wednesday 20 January 2027: weekends only Wed 17 February; across Spring Festival (5 weekdays off, two
    // make-up days worked) officially Mon 22 February.
    expect(provisional.addWorkingDays('2027-01-20', 20)).toBe('2027-02-17');
    expect(official.addWorkingDays('2027-01-20', 20)).toBe('2027-02-22');
  });
});

describe('overrides', () => {
  it('an override in 2099 applies (provisionally) without making 2099 known', () => {
    const cal = createCalendar({ overrides: [{ date: '2099-01-01', kind: 'holiday', name: '元旦' }] });
    expect(cal.coverage(2099)).toMatchObject({ known: false, fromPackage: false, enteredDays: 1, holidays: 1 });
    expect(cal.dayInfo('2099-01-01')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '元旦',
      source: 'override',
      provisional: true,
    });
    expect(cal.isWorkingDay('2099-01-02')).toBe(true); // a Friday
    expect(cal.coverage(2098).enteredDays).toBe(0);
  });

  it('knownYears makes a year known without any override', () => {
    const cal = createCalendar({ knownYears: [2099] });
    expect(cal.coverage(2099)).toMatchObject({ known: true, markedComplete: true, holidays: 0, makeUpWorkdays: 0 });
    expect(cal.addWorkingDays('2099-01-01', 1)).toBe('2099-01-02');
  });

  it('a holiday override moves addWorkingDays', () => {
    const plain = createCalendar({ knownYears: [2099] });
    const withHoliday = createCalendar({ knownYears: [2099], overrides: [{ date: '2099-01-02', kind: 'holiday' }] });
    expect(plain.addWorkingDays('2099-01-01', 1)).toBe('2099-01-02');
    expect(withHoliday.addWorkingDays('2099-01-01', 1)).toBe('2099-01-05');
  });

  it('a workday override on a weekend is a make-up working day', () => {
    const cal = createCalendar({ overrides: [{ date: '2099-01-03', kind: 'workday', name: '元旦' }] });
    expect(cal.dayInfo('2099-01-03')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'override' });
    expect(cal.coverage(2099).makeUpWorkdays).toBe(1);
  });

  it('overrides win over the package (a late change to an announced year)', () => {
    const cal = createCalendar({
      overrides: [
        { date: '2024-10-08', kind: 'holiday' },
        { date: '2024-10-12', kind: 'holiday' },
        { date: '2024-10-07', kind: 'workday' },
      ],
    });
    expect(cal.isWorkingDay('2024-10-08')).toBe(false);
    expect(cal.dayInfo('2024-10-12')).toMatchObject({ working: false, source: 'override', provisional: false });
    expect(cal.dayInfo('2024-10-07')).toMatchObject({ working: true, kind: 'weekday', source: 'override' });
    expect(cal.addWorkingDays('2024-09-30', 1)).toBe('2024-10-07');
    expect(cal.addWorkingDays('2024-10-07', 1)).toBe('2024-10-09');
    expect(calendar.isWorkingDay('2024-10-08')).toBe(true); // other calendars are not affected
  });

  it('rejects contradictory or malformed overrides', () => {
    expect(() =>
      createCalendar({
        overrides: [
          { date: '2099-05-01', kind: 'holiday' },
          { date: '2099-05-01', kind: 'workday' },
        ],
      }),
    ).toThrow(CalendarInputError);
    expect(() => createCalendar({ overrides: [{ date: '2099-5-1', kind: 'holiday' }] })).toThrow(
      expect.objectContaining({ field: 'overrides[0].date' }),
    );
    expect(() =>
      createCalendar({ overrides: [{ date: '2099-05-01', kind: 'day off' as unknown as 'holiday' }] }),
    ).toThrow(expect.objectContaining({ field: 'overrides[0].kind' }));
    expect(() => createCalendar({ knownYears: [99] })).toThrow(CalendarInputError);
  });

  it('accepts the same override twice', () => {
    const cal = createCalendar({
      overrides: [
        { date: '2099-05-01', kind: 'holiday' },
        { date: '2099-05-01', kind: 'holiday' },
      ],
    });
    expect(cal.isWorkingDay('2099-05-01')).toBe(false);
  });
});
