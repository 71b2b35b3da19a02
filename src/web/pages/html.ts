/**
 * @module web/pages/html
 * Server-rendered HTML without a template library: a tagged template that escapes every value
 * unless it is already `Html`, and the page layout (navigation, our own stylesheet and script, no
 * external asset of any kind: nothing leaves the box). Pure functions of their input.
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

type Value = Html | string | number | boolean | null | undefined | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** html`<p>${userText}</p>`: values are escaped; nested html`` fragments and arrays are kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

export const raw = (s: string) => new Html(s);

export interface LayoutOptions {
  title: string;
  /** The nav entry to highlight; null on the login page (no navigation without a session). */
  active: 'expenses' | 'insights' | 'data' | 'pairing' | 'settings' | null;
  /** The session's CSRF token, read by the page script for every write. */
  csrf?: string;
  who?: string;
  /** Whether the pairing page is offered (admins only). */
  admin?: boolean;
}

const NAV: [NonNullable<LayoutOptions['active']>, string, string][] = [
  ['expenses', '/', 'Expenses'],
  ['insights', '/insights', 'Insights'],
  ['data', '/data', 'Data'],
  ['pairing', '/pairing', 'WhatsApp'],
  ['settings', '/settings', 'Settings'],
];

export function layout(o: LayoutOptions, body: Html): string {
  const nav = o.active
    ? html`<nav><a class="brand" href="/">munshi</a>${NAV.filter(([k]) => k !== 'pairing' || o.admin).map(
        ([k, href, label]) => html`<a href="${href}"${raw(k === o.active ? ' aria-current="page"' : '')}>${label}</a>`,
      )}<form method="post" action="/logout" class="logout"><input type="hidden" name="_csrf" value="${o.csrf ?? ''}"><button type="submit">Sign out</button></form></nav>`
    : html``;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${escapeHtml(o.title)} · munshi</title>
<link rel="stylesheet" href="/assets/app.css">${o.csrf ? `<meta name="csrf-token" content="${escapeHtml(o.csrf)}">` : ''}
<script src="/assets/app.js" defer></script></head>
<body>${nav.text}<main>${body.text}</main></body></html>`;
}
