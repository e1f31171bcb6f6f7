const cdata = (value) => `<![CDATA[${String(value).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** A flat WeChat XML document: numbers are written bare, strings as CDATA. */
export function buildXml(fields) {
  const inner = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `<${name}>${typeof value === 'number' ? value : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${inner}</xml>`;
}

/** Reads the text of the first <name> element, CDATA or not; enough for WeChat's flat replies. */
export function field(xml, name) {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  if (!match) return undefined;
  return match[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

export function parseReply(xml) {
  const item = /<item>([\s\S]*?)<\/item>/.exec(xml)?.[1];
  return {
    toUserName: field(xml, 'ToUserName'),
    fromUserName: field(xml, 'FromUserName'),
    createTime: field(xml, 'CreateTime'),
    msgType: field(xml, 'MsgType'),
    content: field(xml, 'Content'),
    article: item ? { title: field(item, 'Title'), description: field(item, 'Description'), url: field(item, 'Url') } : undefined,
  };
}
