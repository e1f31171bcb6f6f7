import zlib from 'node:zlib';

/** The text pdfkit drew, decoded through the font's ToUnicode map: one string per TJ operator. */
export function pdfText(pdf) {
  const raw = pdf.toString('latin1');
  const streams = [];
  const start = /stream\r?\n/g;
  let match;
  while ((match = start.exec(raw))) {
    const from = match.index + match[0].length;
    const to = raw.indexOf('endstream', from);
    try {
      streams.push(zlib.inflateSync(pdf.subarray(from, to)).toString('latin1'));
    } catch {
      streams.push(raw.slice(from, to));
    }
  }
  const toUnicode = new Map();
  for (const cmap of streams.filter((s) => s.includes('beginbfrange'))) {
    for (const [, first, list] of cmap.matchAll(/<([0-9a-f]{4})>\s*<[0-9a-f]{4}>\s*\[([^\]]*)\]/gi)) {
      [...list.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, hex], i) => {
        const chars = hex.match(/.{4}/g).map((h) => String.fromCharCode(parseInt(h, 16))).join('');
        toUnicode.set(parseInt(first, 16) + i, chars);
      });
    }
  }
  const lines = [];
  for (const content of streams.filter((s) => s.includes(' TJ'))) {
    for (const [, array] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...array.matchAll(/<([0-9a-f]+)>/gi)]
        .map(([, hex]) => hex.match(/.{4}/g).map((h) => toUnicode.get(parseInt(h, 16)) ?? '?').join('')).join(''));
    }
  }
  return lines;
}
