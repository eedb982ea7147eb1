// The working-day calendar the rule tests count with: the shipped bank-holiday table (2000–2028).
import { readFileSync } from 'node:fs';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';

const holidays = readFileSync('src/domain/bank-holidays-england-and-wales.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.trim());

export const calendar = new WorkingDayCalendar({ holidays, firstYear: 2000, lastYear: 2028 });
