/** The command reader on the wordings of corrections, deletes and the date-order setting (issue 17). */
import { describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../../core/types.js';
import { understandNext } from './understand.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const read = (text: string) => understandNext(text, { now: new Date('2026-12-01T09:00:00Z'), settings: INDIA });
const command = (text: string) => {
  const u = read(text);
  return u.intent === 'command' ? u.command : u;
};

describe('commands', () => {
  it.each([
    ['delete the chai', { kind: 'delete_matching', text: 'chai' }],
    ['remove the uber from yesterday', { kind: 'delete_matching', text: 'uber', from: '2026-11-30', to: '2026-11-30' }],
    ['delete chai from yesterday', { kind: 'delete_matching', text: 'chai', from: '2026-11-30', to: '2026-11-30' }],
    ['delete the coffee at starbucks', { kind: 'delete_matching', text: 'coffee starbucks' }],
    ['delete chai 30', { kind: 'delete_matching', text: 'chai', amountMinor: 3000 }],
    ['remove the 2 chais', { kind: 'delete_matching', text: 'chais', amountMinor: 200 }],
    ['delete the last chai', { kind: 'delete_matching', text: 'chai', latest: true }],
    ['undo', { kind: 'undo' }],
    ['cancel that', { kind: 'cancel' }],
    ['no', { kind: 'cancel' }],
    ['nahi', { kind: 'cancel' }],
    ['no, keep it', { kind: 'cancel' }],
    ['yes', { kind: 'confirm' }],
    ['no, 60', { kind: 'edit_amount', amountMinor: 6000, currency: null }],
    ['that was groceries', { kind: 'edit_category', category: 'food', detail: 'groceries' }],
    ['that was snacks', { kind: 'edit_category', category: 'food', detail: 'snacks' }],
    ['that was fuel', { kind: 'edit_category', category: 'transport', detail: 'fuel' }],
    ["that's health", { kind: 'edit_category', category: 'health', detail: null }],
    ['that was yesterday', { kind: 'edit_date', date: '2026-11-30' }],
  ])('%s', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it.each([
    ['dates are month first', false],
    ['month first', false],
    ['use month/day', false],
    ['use mm/dd', false],
    ['set date order mdy', false],
    ['use US dates', false],
    ['change date order to month first', false],
    ['use day/month', true],
    ['dates day first', true],
    ['date format dd/mm', true],
    ['set date order dmy', true],
    ['day before month', true],
  ])('%s sets the date order (day first: %s)', (text, dayFirst) => {
    expect(command(text)).toEqual({ kind: 'set_date_order', dayFirst });
  });

  it('a trip that opens with "drop" stays an expense', () => {
    expect(read('drop to airport 500')).toMatchObject({ intent: 'add_expense', expenses: [{ amountMinor: 50000 }] });
  });

  it('dates the fruit stay an expense, and a question about date order is no command', () => {
    expect(read('dates 200')).toMatchObject({ intent: 'add_expense', expenses: [{ item: 'dates', amountMinor: 20000 }] });
    expect(read('are dates month first?').intent).not.toBe('command');
  });
});
