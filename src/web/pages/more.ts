/**
 * @module web/pages/more
 * The data, pairing, settings and insights pages. Pure: each takes what it shows and returns HTML.
 */
import { categoryLabel, type Primary } from '../../categories/taxonomy.js';
import { formatMoney, minorDigits } from '../../core/money.js';
import type { OwnerSettings } from '../../core/types.js';
import type { Budget } from '../../budgets/repo.js';
import type { Recurring } from '../../recurring/repo.js';
import type { Balance } from '../../debts/repo.js';
import type { Cadence } from '../../scheduler/due.js';
import type { PairingView } from '../deps.js';
import { html, type Html } from './html.js';

export function dataPage(o: { admin: boolean }): Html {
  return html`<h1>Your data</h1>
<div class="grid">
<section class="card"><h2>Export</h2><p>Every expense, or any filtered view from the <a href="/">expenses</a> page.</p>
<p><a class="button" href="/api/export?format=csv">Download CSV</a> <a class="button secondary" href="/api/export?format=jsonl">Download JSONL</a></p></section>
<section class="card"><h2>Import a CSV</h2>
<p class="hint">Columns: <code>date,amount,currency,category,item,merchant,note</code> (date and amount are needed). Rows already imported are skipped.</p>
<form id="import-form"><input type="file" name="file" accept=".csv,text/csv" aria-label="CSV file" required><button type="submit" class="secondary">Preview</button></form>
<div id="import-preview" aria-live="polite"></div><progress id="import-progress" hidden value="0"></progress>
<button type="button" id="import-run" hidden>Import</button></section>
${o.admin ? html`<section class="card"><h2>Backup</h2><p>A consistent copy of the whole SQLite ledger, taken while munshi runs.</p><p><a class="button secondary" href="/api/backup">Download backup</a></p></section>` : ''}
<section class="card"><h2>Erase all my data</h2><p>Deletes every expense, budget, recurring expense, correction and setting of yours, for good.</p>
<form id="erase-form"><label for="erase-confirm">Type <b>erase all my data</b> to confirm</label><input id="erase-confirm" name="confirm" autocomplete="off" required>
<button type="submit" class="danger">Erase everything</button></form><p id="erase-result" class="error" role="alert"></p></section>
</div>`;
}

export function pairingPage(p: PairingView | null): Html {
  if (!p) return html`<h1>WhatsApp</h1><p>Only the owner of this munshi can see its WhatsApp link.</p>`;
  if (p.transport !== 'whatsapp') {
    return html`<h1>WhatsApp</h1><p>This munshi runs with the <b>${p.transport}</b> transport (MUNSHI_TRANSPORT), so there is nothing to pair.</p>
<dl class="kv"><dt>State</dt><dd id="pairing-state">${p.state}</dd></dl>`;
  }
  return html`<h1>WhatsApp</h1><section id="pairing" class="card">
<dl class="kv"><dt>State</dt><dd id="pairing-state">${p.state}</dd><dt>Since</dt><dd>${p.since}</dd>
<dt>Linked</dt><dd>${p.authenticatedAt ?? 'not yet'}</dd><dt>Last error</dt><dd id="pairing-error">${p.lastError ? `${p.lastError.message} (${p.lastError.at})` : 'none'}</dd></dl>
<div class="qr"><img id="pairing-qr" alt="WhatsApp pairing QR code" ${p.qrAt ? html`src="/pairing/qr.svg?at=${encodeURIComponent(p.qrAt)}" data-at="${p.qrAt}"` : 'hidden'}></div>
<p class="hint">On your phone: WhatsApp › Settings › Linked devices › Link a device, and scan. The code refreshes by itself.</p>
<p>Pairing code: <b id="pairing-code">${p.code ?? ''}</b></p>
<p class="hint">${p.pairingPhone ? 'Enter this code on the phone: Linked devices › Link with phone number instead.' : 'To link with a phone number instead of the QR, set MUNSHI_PAIRING_PHONE (your number with country code) and restart munshi.'}</p>
</section>`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hhmm = (c: { hour: number; minute: number }) => `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/** "Sunday 20:00", "the 1st at 09:00", "off". */
export function cadenceText(c: Cadence | null): string {
  if (!c) return 'off';
  if (c.every === 'day') return `every day at ${hhmm(c)}`;
  if (c.every === 'week') return `${WEEKDAYS[c.weekday] ?? c.weekday} ${hhmm(c)}`;
  const suffix = c.day % 10 === 1 && c.day !== 11 ? 'st' : c.day % 10 === 2 && c.day !== 12 ? 'nd' : c.day % 10 === 3 && c.day !== 13 ? 'rd' : 'th';
  return `the ${c.day}${suffix} at ${hhmm(c)}`;
}

export function settingsPage(o: {
  settings: OwnerSettings;
  access: { mode: string; allowlist: readonly string[]; ledgerMode: string; householdOwner: string };
  schedule: { weekly: Cadence | null; monthly: Cadence | null };
  /** This person's own switches (the chat's "stop weekly summary"). */
  summaries: { weekly: boolean; monthly: boolean };
  owner: string;
  csrf: string;
  problems?: string[];
}): Html {
  const s = o.settings;
  return html`<h1>Settings</h1>${o.problems?.length ? html`<div class="error" role="alert">${o.problems.map((p) => html`<p>${p}</p>`)}</div>` : ''}
<form method="post" action="/settings" class="card" id="settings-form"><input type="hidden" name="_csrf" value="${o.csrf}">
<label for="currency">Currency</label><input id="currency" name="currency" value="${s.currency}" maxlength="3" autocapitalize="characters">
<label for="timeZone">Time zone</label><input id="timeZone" name="timeZone" value="${s.timeZone}">
<label for="locale">Number format (locale)</label><input id="locale" name="locale" value="${s.locale}">
<fieldset><legend>Summaries in my chat</legend>
<label><input type="checkbox" name="weeklySummary" value="on" ${o.summaries.weekly ? 'checked' : ''} ${o.schedule.weekly ? '' : 'disabled'}> Weekly, ${cadenceText(o.schedule.weekly)}</label>
<label><input type="checkbox" name="monthlySummary" value="on" ${o.summaries.monthly ? 'checked' : ''} ${o.schedule.monthly ? '' : 'disabled'}> Monthly, ${cadenceText(o.schedule.monthly)}</label>
<p class="hint">The times are set for the whole box (MUNSHI_WEEKLY_SUMMARY, MUNSHI_MONTHLY_SUMMARY).</p></fieldset>
<button type="submit">Save</button><p class="hint">The same settings as "set currency USD" in chat.</p></form>
<section class="card"><h2>Who may use munshi</h2><dl class="kv"><dt>Mode</dt><dd>${o.access.mode === 'self' ? 'Only my own "Message yourself" chat' : 'People on the allow-list'}</dd>
${o.access.mode === 'allowlist' ? html`<dt>Allow-list</dt><dd>${o.access.allowlist.join(', ') || 'nobody yet'}</dd><dt>Ledger</dt><dd>${o.access.ledgerMode === 'household' ? 'one household ledger' : 'one ledger per person'}</dd>` : ''}
<dt>Signed in as</dt><dd>${o.owner}</dd></dl><p class="hint">Set with MUNSHI_ACCESS_MODE and MUNSHI_ALLOWLIST.</p></section>`;
}

/** The chat's text on the page: lines kept, *bold* as bold, everything else escaped. */
export function summaryLines(text: string): Html {
  return html`${text.split('\n').map((line) => html`<p>${line.split(/\*([^*]+)\*/).map((part, i) => (i % 2 ? html`<strong>${part}</strong>` : part))}</p>`)}`;
}

export function insightsPage(o: {
  from: string;
  to: string;
  byCategory: { category: string; currency: string; amountMinor: number; count: number }[];
  budgets: (Budget & { spentMinor: number })[];
  recurring: Recurring[];
  /** Who owes the owner (+) and whom the owner owes (−), per person and currency. */
  balances: Balance[];
  /** The chat's summary text for the period (WhatsApp *bold*). */
  summary: string;
  locale: string;
  presets: { label: string; from: string; to: string }[];
}): Html {
  const currencies = [...new Set(o.byCategory.map((c) => c.currency))];
  return html`<h1>Insights</h1>
<form class="filters" method="get" action="/insights"><label>From <input type="date" name="from" value="${o.from}"></label><label>To <input type="date" name="to" value="${o.to}"></label><button type="submit">Show</button></form>
<p class="presets">${o.presets.filter((p) => p.from).map((p) => html`<a href="/insights?from=${p.from}&amp;to=${p.to}">${p.label}</a> `)}</p>
<section class="card summary"><div class="summary-text">${summaryLines(o.summary)}</div>
${currencies.length ? html`<img class="chart" src="/insights/chart.png?from=${o.from}&amp;to=${o.to}" alt="Spending chart for the period" width="640" height="360" loading="lazy">` : ''}</section>
<div class="grid">${
    currencies.length
      ? currencies.map((cur) => {
          const rows = o.byCategory.filter((c) => c.currency === cur);
          const total = rows.reduce((a, r) => a + r.amountMinor, 0);
          const max = Math.max(...rows.map((r) => r.amountMinor));
          return html`<section class="card" aria-label="Spending in ${cur}"><h2>${formatMoney(total, cur, o.locale)} <span class="hint">${o.from} – ${o.to}</span></h2>
<table><tbody>${rows.map(
            (r) => html`<tr><td>${categoryLabel(r.category as Primary, null)}</td>
<td class="barcell"><progress max="100" value="${Math.max(1, Math.round((100 * r.amountMinor) / max))}" aria-label="${Math.round((100 * r.amountMinor) / total)}% of the total"></progress></td>
<td class="num">${formatMoney(r.amountMinor, cur, o.locale)}</td></tr>`,
          )}</tbody></table></section>`;
        })
      : html`<p>No expenses in this period.</p>`
  }
<section class="card"><h2>Budgets</h2>${
    o.budgets.length
      ? html`<table><tbody>${o.budgets.map(
          (b) => html`<tr data-budget="${b.id}"><td>${b.scope.category ? categoryLabel(b.scope.category, b.scope.detail) : 'Everything'} · ${b.period === 'month' ? 'this month' : 'this week'}
<progress max="${b.amountMinor}" value="${Math.min(b.spentMinor, b.amountMinor)}" aria-label="spent of budget"></progress></td>
<td class="num">${formatMoney(b.spentMinor, b.currency, o.locale)} of ${formatMoney(b.amountMinor, b.currency, o.locale)}</td>
<td class="budget-edit"><input type="number" min="1" step="any" value="${b.amountMinor / 10 ** minorDigits(b.currency)}" aria-label="Budget amount" class="budget-amount">
<button type="button" class="secondary save-budget" data-id="${b.id}">Save</button> <button type="button" class="secondary remove-budget" data-id="${b.id}">Remove</button></td></tr>`,
        )}</tbody></table>`
      : html`<p class="hint">None yet. In chat: "set food budget 8000 a month".</p>`
  }</section>
<section class="card"><h2>Recurring</h2>${
    o.recurring.length
      ? html`<table><tbody>${o.recurring.map(
          (r) => html`<tr data-recurring="${r.id}"><td>${r.item ?? r.merchant ?? categoryLabel(r.category, r.detail)} · ${r.every}${r.day !== null ? ` (${r.day})` : ''}</td>
<td class="num">${formatMoney(r.amountMinor, r.currency, o.locale)}</td><td><button type="button" class="secondary stop-recurring" data-id="${r.id}">Stop</button></td></tr>`,
        )}</tbody></table>`
      : html`<p class="hint">None yet. In chat: "rent 25000 every month on the 1st".</p>`
  }</section>
<section class="card" aria-label="Balances"><h2>Balances</h2>${
    o.balances.length
      ? html`<table><tbody>${o.balances.map(
          (b) => html`<tr data-balance="${b.personKey}"><td>${b.amountMinor > 0 ? html`${b.person} owes you` : html`You owe ${b.person}`}</td>
<td class="num">${formatMoney(Math.abs(b.amountMinor), b.currency, o.locale)}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="hint">Everyone is even. In chat: "dinner 1200 split with Rahul", "Ramesh owes me 500".</p>`
  }</section></div>`;
}
