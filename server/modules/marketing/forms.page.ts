import type { TFunction } from 'i18next';
import type { Locale } from '../../../contracts/roles.js';
import { translator } from '../../platform/i18n/i18n.js';
import { HONEYPOT } from './forms.schema.js';
import type { Form } from './forms.service.js';
import type { FormField } from './forms.tables.js';

/** Text for HTML: every label, value and message passes through here (no markup from forms or visitors). */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type PublicForm = Form & { workspaceName: string };
export interface PageState {
  /** Answers to show again after a refused form post. */
  values?: Record<string, unknown>;
  /** Messages by field key, and one for the whole form. */
  errors?: Record<string, string>;
  embed?: boolean;
  nonce: string;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
main{max-width:560px;margin:32px auto;padding:24px 28px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
body.embed{background:transparent}body.embed main{margin:0;box-shadow:none;max-width:none}
.ws{margin:0;color:#666;font-size:14px}h1{margin:4px 0 8px;font-size:24px}.intro{margin:0 0 16px;white-space:pre-line;color:#444}
.field{margin:0 0 16px}label{display:block;margin-bottom:4px;font-weight:500}.req{color:#cf1322;margin-left:2px}
input[type=text],input[type=email],input[type=tel],textarea,select{width:100%;padding:8px 10px;font:inherit;border:1px solid #d9d9d9;border-radius:6px;background:#fff}
textarea{min-height:96px;resize:vertical}input:focus,textarea:focus,select:focus{outline:2px solid #1677ff;outline-offset:0;border-color:#1677ff}
[aria-invalid=true]{border-color:#cf1322}.check{display:flex;gap:8px;align-items:flex-start}.check label{font-weight:400;margin:0}.check input{margin-top:5px}
.error{margin:4px 0 0;color:#cf1322;font-size:14px}.error:empty{display:none}
button{padding:8px 20px;font:inherit;color:#fff;background:#1677ff;border:0;border-radius:6px;cursor:pointer}button:disabled{opacity:.6}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.thanks{white-space:pre-line;font-size:18px}`;

// Progressive: the form posts by itself without JavaScript; with it, it sends JSON and shows errors in place.
const SCRIPT = `
var f=document.getElementById('gx-form');
f.addEventListener('submit',function(ev){ev.preventDefault();var b=f.querySelector('button[type=submit]');b.disabled=true;
var values={};Array.prototype.forEach.call(f.querySelectorAll('[data-key]'),function(el){values[el.name]=el.type==='checkbox'?el.checked:el.value;});
Array.prototype.forEach.call(f.querySelectorAll('.error'),function(el){el.textContent='';});
Array.prototype.forEach.call(f.querySelectorAll('[aria-invalid]'),function(el){el.removeAttribute('aria-invalid');});
fetch(f.dataset.api,{method:'POST',headers:{'content-type':'application/json','accept-language':document.documentElement.lang},body:JSON.stringify({values:values,honeypot:f.elements[f.dataset.hp].value})})
.then(function(r){return r.json().then(function(body){return {ok:r.ok,body:body};});})
.then(function(res){b.disabled=false;
if(res.ok){if(res.body.redirectUrl){window.location.href=res.body.redirectUrl;return;}var p=document.createElement('p');p.className='thanks';p.setAttribute('role','status');p.textContent=res.body.thankYou;f.replaceWith(p);return;}
var first=null;(res.body.errors||[]).forEach(function(e){var key=String(e.field).replace(/^values\\./,'');var out=document.getElementById('e-'+key);var input=document.getElementById('i-'+key);
if(out){out.textContent=e.message;if(input){input.setAttribute('aria-invalid','true');first=first||input;}}else{document.getElementById('e-form').textContent=e.message;}});
if(!res.body.errors){document.getElementById('e-form').textContent=res.body.detail||f.dataset.failed;}if(first){first.focus();}})
.catch(function(){b.disabled=false;document.getElementById('e-form').textContent=f.dataset.failed;});});`;

function fieldHtml(field: FormField, state: PageState): string {
  const id = `i-${field.key}`;
  const error = state.errors?.[field.key] ?? '';
  const value = state.values?.[field.key];
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
  const attrs = `id="${id}" name="${escapeHtml(field.key)}" data-key${field.required ? ' required' : ''} aria-describedby="e-${field.key}"${error ? ' aria-invalid="true"' : ''}`;
  const req = field.required ? '<span class="req" aria-hidden="true">*</span>' : '';
  const label = `<label for="${id}">${escapeHtml(field.label)}${req}</label>`;
  const out = `<p class="error" id="e-${field.key}">${escapeHtml(error)}</p>`;
  switch (field.type) {
    case 'checkbox':
      return `<div class="field"><div class="check"><input type="checkbox" value="on" ${attrs}${value === true || value === 'on' ? ' checked' : ''}>${label}</div>${out}</div>`;
    case 'textarea':
      return `<div class="field">${label}<textarea ${attrs}>${escapeHtml(text)}</textarea>${out}</div>`;
    case 'select': {
      const options = (field.options ?? []).map((o) => `<option value="${escapeHtml(o)}"${o === text ? ' selected' : ''}>${escapeHtml(o)}</option>`).join('');
      return `<div class="field">${label}<select ${attrs}><option value=""></option>${options}</select>${out}</div>`;
    }
    default: {
      const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
      const autocomplete = field.type === 'email' ? ' autocomplete="email"' : field.type === 'phone' ? ' autocomplete="tel"' : '';
      return `<div class="field">${label}<input type="${type}"${autocomplete} ${attrs} value="${escapeHtml(text)}">${out}</div>`;
    }
  }
}

function page(locale: Locale, title: string, body: string, embed: boolean, nonce: string, script = ''): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body${embed ? ' class="embed"' : ''}><main>${body}</main>${script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
}

const header = (form: PublicForm) => `<p class="ws">${escapeHtml(form.workspaceName)}</p><h1>${escapeHtml(form.title)}</h1>`;

/** The submit button's text, and the thank-you text, with the defaults of the form's language. */
export const submitLabelOf = (form: Pick<Form, 'submitLabel' | 'language'>, t: TFunction = translator(form.language)) => form.submitLabel ?? t('forms.page.submit');
export const thankYouOf = (form: Pick<Form, 'thankYou' | 'language'>, t: TFunction = translator(form.language)) => form.thankYou ?? t('forms.page.thanks');

/** The hosted page: a complete, small form page in the form's language that works with and without JavaScript. */
export function formPage(form: PublicForm, state: PageState): string {
  const t = translator(form.language);
  const api = `/api/v1/public/forms/${encodeURIComponent(form.token)}/submissions`;
  const action = state.embed ? `${api}?embed=true` : api;
  const body = `${header(form)}${form.intro ? `<p class="intro">${escapeHtml(form.intro)}</p>` : ''}
<form id="gx-form" method="post" action="${escapeHtml(action)}" data-api="${escapeHtml(api)}" data-hp="${HONEYPOT}" data-failed="${escapeHtml(t('forms.page.failed'))}">
${form.fields.map((f) => fieldHtml(f, state)).join('\n')}
<div class="hp" aria-hidden="true"><label for="i-hp">${escapeHtml(t('forms.page.honeypot'))}</label><input type="text" id="i-hp" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>
<p class="error" id="e-form" role="alert">${escapeHtml(state.errors?.[''] ?? '')}</p>
<button type="submit">${escapeHtml(submitLabelOf(form, t))}</button>
</form>`;
  return page(form.language, `${form.title} · ${form.workspaceName}`, body, Boolean(state.embed), state.nonce, SCRIPT);
}

/** The page after a form post without JavaScript. */
export function thanksPage(form: PublicForm, embed: boolean, nonce: string): string {
  return page(form.language, `${form.title} · ${form.workspaceName}`, `${header(form)}<p class="thanks" role="status">${escapeHtml(thankYouOf(form))}</p>`, embed, nonce);
}

/** An unknown or switched-off form (in the visitor's language). */
export function missingPage(locale: Locale, nonce: string): string {
  const t = translator(locale);
  return page(locale, t('forms.page.missingTitle'), `<h1>${escapeHtml(t('forms.page.missingTitle'))}</h1><p>${escapeHtml(t('forms.page.missing'))}</p>`, false, nonce);
}

/** Security headers of the hosted pages: only their own inline style and script run; they may be framed anywhere. */
export const pageCsp = (nonce: string) => `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'`;
