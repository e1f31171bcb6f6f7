import { capitals, yuan } from './money.mjs';
import { printedTime } from './time.mjs';

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const STATUS_TEXT = { issued: '正常', partially_reversed: '部分冲红', reversed: '已冲红' };

function page(title, body) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - 票据真伪查验</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#222}
header{background:#b22222;color:#fff;padding:14px 16px;font-size:18px}
main{padding:16px}
.result{font-size:22px;font-weight:bold;margin:8px 0 16px}
.genuine{color:#1a7f37}.bad{color:#b22222}
dl{background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 12px;display:grid;grid-template-columns:7em 1fr;gap:8px}
dt{color:#666}dd{margin:0;word-break:break-all}
table{width:100%;background:#fff;border-radius:8px;border-collapse:collapse}
th,td{padding:8px;text-align:left;border-bottom:1px solid #eee}td.amount,th.amount{text-align:right}
</style>
</head>
<body>
<header>票据真伪查验</header>
<main>
${body}
</main>
</body>
</html>`;
}

/** The refusal a patient sees: 查无此票 or 校验码不符. */
export const refusalPage = (message) => page(message, `<p class="result bad" role="alert">${escape(message)}</p>
<p>请核对票据代码、票据号码和校验码后重试。</p>`);

/** 真票: what the platform holds for this invoice. */
export function genuinePage(invoice, payeeName) {
  const rows = [
    ['票据名称', invoice.kind === 'red' ? '医疗收费电子票据（红字）' : '医疗收费电子票据'],
    ['票据代码', invoice.invoiceCode],
    ['票据号码', invoice.invoiceNo],
    ['校验码', invoice.checkCode],
    ['开票日期', printedTime(invoice.issuedAt)],
    ['收款单位', payeeName],
    ['交款人', invoice.payerName],
    ['业务类别', invoice.category],
    ['合计金额', `¥${yuan(invoice.totalFen)}（${capitals(invoice.totalFen)}）`],
    ['票据状态', invoice.kind === 'red' ? '红字票据' : STATUS_TEXT[invoice.status]],
    ...(invoice.kind === 'red' ? [['原票据号码', invoice.originalInvoiceNo], ['冲红原因', invoice.reason]] : []),
  ];
  const items = invoice.items.map((item) => `<tr><td>${escape(item.name)}</td><td>${escape(item.quantity)}</td><td class="amount">${yuan(item.amountFen)}</td></tr>`).join('\n');
  return page('真票', `<p class="result genuine" role="status">真票</p>
<p>该票据由财政电子票据平台开具，信息如下：</p>
<dl>
${rows.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('\n')}
</dl>
<table>
<thead><tr><th>项目名称</th><th>数量</th><th class="amount">金额（元）</th></tr></thead>
<tbody>
${items}
</tbody>
</table>`);
}
