import { maskName } from './people.mjs';

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const layout = (title, body) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:sans-serif;margin:0;padding:24px;background:#f4f7fb}main{background:#fff;border-radius:12px;padding:24px;max-width:420px;margin:auto}
h1{font-size:20px}button{display:block;width:100%;padding:12px;margin-top:12px;font-size:16px;border-radius:8px;border:1px solid #1677ff}
.approve{background:#1677ff;color:#fff}.deny{background:#fff;color:#1677ff}</style></head>
<body><main>${body}</main></body></html>`;

/** What the patient's phone shows when the hospital asks for their 医保电子凭证. */
export function authorizePage(person, { redirectUri, state, simUser }) {
  const hidden = (name, value) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return layout('医保电子凭证授权', `<h1>使用医保电子凭证授权</h1>
<p>参保人：${escapeHtml(maskName(person.name))}</p>
<p>险种：${escapeHtml(person.insuranceType)}</p>
<p>授权后，医院将获取您的参保信息用于医保移动支付结算。</p>
<form method="post" action="/auth/ec/decision">
${hidden('redirect_uri', redirectUri)}${hidden('state', state)}${hidden('sim_user', simUser)}
<button class="approve" type="submit" name="decision" value="approve">授权</button>
<button class="deny" type="submit" name="decision" value="deny">拒绝</button>
</form>`);
}

export const errorPage = (message) => layout('医保电子凭证', `<h1>医保电子凭证</h1><p role="alert">${escapeHtml(message)}</p>`);
