/**
 * @module web/pages/login
 * The only page served without a session: sign in with the 6-digit code munshi sent to your
 * WhatsApp chat (write "dashboard" there for a new one), or with the password set by
 * `npm run cli -- web-password`. A one-time link lands on a confirmation button, because chat apps
 * open links to draw previews and a GET must not spend the code.
 */
import { html, type Html } from './html.js';

export function loginPage(o: { error?: string; askWho: boolean; linkToken?: string; csrf: string }): Html {
  if (o.linkToken) {
    return html`<section class="login"><h1>munshi</h1><p>Sign in on this device with the link munshi sent you?</p>
<form method="post" action="/login/link"><input type="hidden" name="_csrf" value="${o.csrf}"><input type="hidden" name="t" value="${o.linkToken}">
<button type="submit">Sign in</button></form>${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}</section>`;
  }
  return html`<section class="login"><h1>munshi</h1>
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
<form method="post" action="/login/code" class="card"><input type="hidden" name="_csrf" value="${o.csrf}">
<label for="code">Sign-in code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required placeholder="123456">
<button type="submit">Sign in</button>
<p class="hint">Write <b>dashboard</b> in your WhatsApp chat with munshi and it sends you a code.</p></form>
<details><summary>Sign in with a password</summary>
<form method="post" action="/login/password" class="card"><input type="hidden" name="_csrf" value="${o.csrf}">
${o.askWho ? html`<label for="who">Phone number (with country code)</label><input id="who" name="who" autocomplete="username" required>` : ''}
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
<p class="hint">Set one on the box with <code>npm run cli -- web-password</code>.</p></form></details></section>`;
}
