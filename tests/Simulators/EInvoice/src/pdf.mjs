import fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { capitals, yuan } from './money.mjs';
import { printedTime } from './time.mjs';

const RED = '#b22222';
const INK = '#222222';
const faceNames = new Map();

/** A .ttc holds several faces; pdfkit needs the one to use by its PostScript name, so take the collection's first. */
function firstFace(fontPath) {
  if (!/\.ttc$/i.test(fontPath)) return undefined;
  if (!faceNames.has(fontPath)) faceNames.set(fontPath, fontkit.openSync(fontPath).fonts[0].postscriptName);
  return faceNames.get(fontPath);
}

function registerFont(doc, fontPath) {
  doc.registerFont('cjk', fontPath, firstFace(fontPath));
  doc.font('cjk');
}

/** The 医疗收费电子票据 as the patient downloads it: A5 landscape, header, payer, items, totals, QR of the verify page. */
export async function renderInvoicePdf(invoice, { fontPath, payeeName, verifyUrl }) {
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A5',
    layout: 'landscape',
    margin: 28,
    info: {
      Title: `医疗收费电子票据 ${invoice.invoiceCode} ${invoice.invoiceNo}`,
      Subject: `票据代码 ${invoice.invoiceCode} 票据号码 ${invoice.invoiceNo} 校验码 ${invoice.checkCode}`,
      Keywords: `${invoice.invoiceCode},${invoice.invoiceNo},${invoice.checkCode}`,
      Author: payeeName,
    },
  });
  const done = new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFont(doc, fontPath);

  const red = invoice.kind === 'red';
  const left = 28;
  const width = doc.page.width - 56;
  doc.image(qr, left, 24, { width: 72 });
  doc.fillColor(RED).fontSize(red ? 17 : 20).text(red ? '医疗收费电子票据（红字）' : '医疗收费电子票据', left, 34, { width, align: 'center' });
  doc.fontSize(9).fillColor(INK).text('浙江省财政厅监制（模拟）', left, 62, { width, align: 'center' });

  const meta = [
    ['票据代码', invoice.invoiceCode],
    ['票据号码', invoice.invoiceNo],
    ['校验码', invoice.checkCode],
    ['开票日期', printedTime(invoice.issuedAt)],
  ];
  meta.forEach(([label, value], i) => doc.fontSize(9).text(`${label}：${value}`, left + width - 145, 24 + i * 13, { width: 145 }));

  let y = 104;
  doc.fontSize(10);
  doc.text(`交款人：${invoice.payerName}`, left, y);
  doc.text(`交款人类型：${invoice.payerPartyType}`, left + 190, y);
  doc.text(`业务类别：${invoice.category}`, left + 360, y);
  y += 16;
  doc.text(`业务流水号：${invoice.bizNo}`, left, y);
  doc.text(`缴费时间：${printedTime(invoice.paidAt)}`, left + 300, y);
  if (red) {
    y += 16;
    doc.fillColor(RED).text(`原票据代码：${invoice.originalInvoiceCode}  原票据号码：${invoice.originalInvoiceNo}  冲红原因：${invoice.reason}`, left, y, { width });
    doc.fillColor(INK);
  }

  y += 22;
  const columns = [[left, 300, '项目名称', 'left'], [left + 300, 80, '数量', 'right'], [left + 380, width - 380, '金额（元）', 'right']];
  doc.moveTo(left, y - 4).lineTo(left + width, y - 4).strokeColor(RED).stroke();
  columns.forEach(([x, w, title, align]) => doc.text(title, x, y, { width: w, align }));
  y += 16;
  doc.moveTo(left, y - 3).lineTo(left + width, y - 3).stroke();
  for (const item of invoice.items) {
    doc.text(item.name, columns[0][0], y, { width: columns[0][1] });
    doc.text(String(item.quantity), columns[1][0], y, { width: columns[1][1], align: 'right' });
    doc.text(yuan(item.amountFen), columns[2][0], y, { width: columns[2][1], align: 'right' });
    y += 15;
  }
  doc.moveTo(left, y).lineTo(left + width, y).stroke();
  y += 6;
  doc.text(`合计（大写）：${capitals(invoice.totalFen)}`, left, y, { width: 320 });
  doc.text(`（小写）¥${yuan(invoice.totalFen)}`, left + 320, y, { width: width - 320, align: 'right' });
  y += 20;
  doc.text(`支付方式：${invoice.payChannel}    交易流水号：${invoice.transactionId}`, left, y, { width });

  const bottom = doc.page.height - 52;
  doc.fontSize(9).text(`收款单位（章）：${payeeName}`, left, bottom);
  doc.text('复核人：系统    收款人：自助缴费', left + 300, bottom, { width: width - 300, align: 'right' });
  doc.fontSize(8).fillColor('#666666').text(`扫码或访问 ${verifyUrl} 查验真伪`, left, bottom + 14, { width });
  doc.end();
  return done;
}
