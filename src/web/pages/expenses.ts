/**
 * @module web/pages/expenses
 * The expenses page: filters (words, period, category, currency, source), a sortable, paginated
 * table over the whole ledger, and the exact totals per currency of the filtered view. Works without
 * a script (links and a GET form); the page script adds inline edit and delete with undo.
 */
import { TAXONOMY, categoryLabel, type Primary } from '../../categories/taxonomy.js';
import { formatMoney, toMajor } from '../../core/money.js';
import type { Expense } from '../../core/types.js';
import type { SortKey, TablePage } from '../port.js';
import { html, type Html } from './html.js';

export interface TableQuery {
  q: string;
  from: string;
  to: string;
  category: string;
  currency: string;
  source: string;
  sort: SortKey;
  desc: boolean;
  page: number;
  size: number;
}

export const SOURCES = ['text', 'voice', 'receipt', 'import', 'recurring'] as const;

/** The query string of a table view, with some parameters changed (links keep every filter). */
export function queryString(q: TableQuery, change: Partial<TableQuery> = {}): string {
  const v = { ...q, ...change };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  if (v.category) p.set('category', v.category);
  if (v.currency) p.set('currency', v.currency);
  if (v.source) p.set('source', v.source);
  if (v.sort !== 'date') p.set('sort', v.sort);
  if (!v.desc) p.set('dir', 'asc');
  if (v.page > 1) p.set('page', String(v.page));
  if (v.size !== 50) p.set('size', String(v.size));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function categoryOptions(selected: string, withAll: boolean): Html {
  return html`${withAll ? html`<option value="">All categories</option>` : ''}${TAXONOMY.map(
    (p) =>
      html`<optgroup label="${p.label}"><option value="${p.slug}" ${selected === p.slug ? 'selected' : ''}>${p.label}</option>${p.details.map(
        (d) => html`<option value="${p.slug}/${d.slug}" ${selected === `${p.slug}/${d.slug}` ? 'selected' : ''}>${p.label} › ${d.label}</option>`,
      )}</optgroup>`,
  )}`;
}

function header(q: TableQuery, key: SortKey, label: string, cls = ''): Html {
  const active = q.sort === key;
  const desc = active ? !q.desc : key === 'date' || key === 'amount' || key === 'created';
  const arrow = active ? (q.desc ? ' ↓' : ' ↑') : '';
  return html`<th class="${cls}" ${active ? html`aria-sort="${q.desc ? 'descending' : 'ascending'}"` : ''}><a href="/${queryString(q, { sort: key, desc, page: 1 })}">${label}${arrow}</a></th>`;
}

/** "6 Dec 2026" in the person's locale (the calendar date as stored, no zone shift). */
export function dayText(date: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

function row(e: Expense, locale: string): Html {
  const cat = e.detail ? `${e.category}/${e.detail}` : e.category;
  return html`<tr data-id="${e.id}" data-amount="${toMajor(e.amountMinor, e.currency)}" data-currency="${e.currency}" data-category="${cat}" data-item="${e.item ?? ''}" data-merchant="${e.merchant ?? ''}" data-date="${e.date}">
<td class="date">${dayText(e.date, locale)}</td><td class="item">${e.item ?? ''}</td><td class="merchant">${e.merchant ?? ''}</td>
<td class="category">${categoryLabel(e.category as Primary, e.detail)}</td><td class="amount num">${formatMoney(e.amountMinor, e.currency, locale)}</td>
<td class="actions"><button type="button" class="edit" aria-label="Edit expense ${e.id}">Edit</button> <button type="button" class="delete" aria-label="Delete expense ${e.id}">Delete</button></td></tr>`;
}

export function expensesPage(o: { page: TablePage; query: TableQuery; locale: string; currencies: string[]; today: string; presets: { label: string; from: string; to: string }[] }): Html {
  const { page, query: q, locale } = o;
  const pages = Math.max(1, Math.ceil(page.total / q.size));
  const first = page.total ? (q.page - 1) * q.size + 1 : 0;
  const last = Math.min(page.total, q.page * q.size);
  return html`<h1>Expenses</h1>
<form class="filters" method="get" action="/" role="search">
  <input type="search" name="q" value="${q.q}" placeholder="Search item, shop, note" aria-label="Search">
  <label>From <input type="date" name="from" value="${q.from}"></label>
  <label>To <input type="date" name="to" value="${q.to}"></label>
  <select name="category" aria-label="Category">${categoryOptions(q.category, true)}</select>
  <select name="currency" aria-label="Currency"><option value="">All currencies</option>${o.currencies.map((c) => html`<option ${q.currency === c ? 'selected' : ''}>${c}</option>`)}</select>
  <select name="source" aria-label="Source"><option value="">All sources</option>${SOURCES.map((s) => html`<option ${q.source === s ? 'selected' : ''}>${s}</option>`)}</select>
  <input type="hidden" name="sort" value="${q.sort}"><input type="hidden" name="dir" value="${q.desc ? 'desc' : 'asc'}">
  <button type="submit">Filter</button> <a href="/">Clear</a>
</form>
<p class="presets">${o.presets.map((p) => html`<a href="/${queryString(q, { from: p.from, to: p.to, page: 1 })}">${p.label}</a> `)}</p>
<section class="totals" aria-label="Totals">${
    page.totals.length
      ? page.totals.map((t) => html`<div class="total"><strong>${formatMoney(t.amountMinor, t.currency, locale)}</strong> <span>${t.count} ${t.count === 1 ? 'expense' : 'expenses'}</span></div>`)
      : html`<div class="total">No expenses match.</div>`
  }</section>
<div class="table-wrap"><table id="expenses"><thead><tr>${header(q, 'date', 'Date')}${header(q, 'item', 'Item')}${header(q, 'merchant', 'Shop')}${header(q, 'category', 'Category')}${header(q, 'amount', 'Amount', 'num')}<th><span class="sr">Actions</span></th></tr></thead>
<tbody>${page.rows.map((e) => row(e, locale))}</tbody></table></div>
<p class="pager">${first}–${last} of ${page.total}
${q.page > 1 ? html`<a rel="prev" href="/${queryString(q, { page: q.page - 1 })}">← Previous</a>` : ''}
${q.page < pages ? html`<a rel="next" href="/${queryString(q, { page: q.page + 1 })}">Next →</a>` : ''}
· <a href="/api/export${queryString(q, { page: 1 })}${queryString(q, { page: 1 }) ? '&' : '?'}format=csv">Export CSV</a> · <a href="/api/export${queryString(q, { page: 1 })}${queryString(q, { page: 1 }) ? '&' : '?'}format=jsonl">JSONL</a></p>
<template id="category-options">${categoryOptions('', false)}</template>
<div id="toast" role="status" aria-live="polite" hidden></div>`;
}
