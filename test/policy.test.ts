// Local rules and their figures come from a validated policy (defaults: the seed authorities');
// counting follows rules.md's conventions.
import { describe, expect, it } from 'vitest';
import { dueWithin, WorkingDayCalendar } from '../src/domain/calendar.js';
import { openDueDate, earliest } from '../src/domain/due-dates.js';
import { defaultPolicy, parsePolicy } from '../src/domain/policy.js';

const calendar = new WorkingDayCalendar({ holidays: ['2023-05-08', '2023-12-25', '2023-12-26', '2024-01-01'], firstYear: 2023, lastYear: 2024 });

describe('policy', () => {
  it('defaults to the seed authorities’ figures', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: defaultPolicy });
    expect(defaultPolicy.rules['CIN-ASSESSMENT-LOCAL']).toEqual({ applies: true, within: { amount: 35, unit: 'CALENDAR_DAYS' } });
  });

  it('CIN-ASSESSMENT-LOCAL: a file sets only what differs, and a local rule can be switched off', () => {
    const result = parsePolicy({ rules: { 'CIN-ASSESSMENT-LOCAL': { applies: false, within: { amount: 25, unit: 'WORKING_DAYS' } } } });
    expect('policy' in result && result.policy.rules['CIN-ASSESSMENT-LOCAL']).toEqual({ applies: false, within: { amount: 25, unit: 'WORKING_DAYS' } });
    expect('policy' in result && result.policy.rules['CP-S47']).toEqual(defaultPolicy.rules['CP-S47']);
  });

  it('refuses statutory rules, unknown keys and bad figures, each named', () => {
    expect(parsePolicy({ rules: { 'CIC-REVIEW-1': { applies: false } }, monthsAs: 'LUNAR' })).toEqual({
      problems: ['monthsAs: Invalid option: expected one of "CALENDAR"|"DAYS_91_183"', 'rules: Unrecognized key: "CIC-REVIEW-1"'],
    });
  });
});

describe('dueWithin (rules.md conventions)', () => {
  it.each([
    ['CP-ICPC: 15 working days, the trigger day not counted, over a bank holiday', '2023-05-04', { amount: 15, unit: 'WORKING_DAYS' }, 'CALENDAR', '2023-05-26'],
    ['CIC-REVIEW-1: 20 working days over Christmas and New Year', '2023-12-18', { amount: 20, unit: 'WORKING_DAYS' }, 'CALENDAR', '2024-01-18'],
    ['CIN-ASSESSMENT-LOCAL: 35 calendar days, not moved off a weekend', '2023-05-04', { amount: 35, unit: 'CALENDAR_DAYS' }, 'CALENDAR', '2023-06-08'],
    ['CIN-PLAN-REVIEW-1: 4 weeks', '2023-05-04', { amount: 4, unit: 'WEEKS' }, 'CALENDAR', '2023-06-01'],
    ['CP-RCPC-N: 6 months clamped to the month end (31 Aug → 29 Feb)', '2023-08-31', { amount: 6, unit: 'MONTHS' }, 'CALENDAR', '2024-02-29'],
    ['CP-RCPC-1: 3 months as 91 days under DAYS_91_183', '2023-08-31', { amount: 3, unit: 'MONTHS' }, 'DAYS_91_183', '2023-11-30'],
  ] as const)('%s', (_name, date, period, monthsAs, expected) => {
    expect(dueWithin(date, period, calendar, monthsAs).dueOn).toBe(expected);
  });
});

describe('due dates', () => {
  it('are overdue only when due before asOf and known; the earliest wins, statutory first on a tie', () => {
    const local = openDueDate({ kind: 'ASSESSMENT_COMPLETION', dueOn: '2024-03-01', provisional: false, ruleId: 'CIN-ASSESSMENT-LOCAL', subjectId: 'A1', asOf: '2024-03-02' });
    const statutory = openDueDate({ kind: 'ASSESSMENT_COMPLETION', dueOn: '2024-03-01', provisional: false, ruleId: 'CIN-ASSESSMENT', subjectId: 'A1', asOf: '2024-03-02' });
    const unknown = openDueDate({ kind: 'CP_CORE_GROUP', dueOn: '2024-01-01', provisional: false, ruleId: 'CP-CORE-GROUP', subjectId: 'P1', asOf: '2024-03-02', completionKnown: false });
    expect(local).toMatchObject({ basis: 'LOCAL', overdue: true });
    expect(unknown).toMatchObject({ overdue: false, completionKnown: false });
    expect(earliest([local, statutory])).toBe(statutory);
    expect(earliest([])).toBeNull();
  });
});
