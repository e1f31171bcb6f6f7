/**
 * The value rules of subscribe-message keywords, by the keyword's type (the key's prefix: thing1, time2 …), as
 * WeChat's mini-program documentation lists them. Written independently of the C# TemplateFieldRules.
 */
const CHINESE = /^[\u4e00-\u9fa5]+$/;
const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)`;
const CLOCK = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const ONE_TIME = `(${DATE} ?)?${CLOCK}|${DATE}`;
const TIME = new RegExp(`^(${ONE_TIME})( ?~ ?(${ONE_TIME}))?$`);

const length = (value) => [...value].length;

const RULES = {
  thing: (v) => length(v) <= 20,
  number: (v) => length(v) <= 32 && /^-?\d+(\.\d+)?$/.test(v),
  letter: (v) => length(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => length(v) <= 5 && /^[!-/:-@[-`{-~]+$/.test(v),
  character_string: (v) => length(v) <= 32 && /^[!-~]+$/.test(v),
  time: (v) => TIME.test(v),
  date: (v) => TIME.test(v),
  amount: (v) => /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => length(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => length(v) <= 8,
  name: (v) => (/[\u4e00-\u9fa5]/.test(v) ? length(v) <= 10 : length(v) <= 20),
  phrase: (v) => length(v) <= 5 && CHINESE.test(v),
};

/** undefined when every keyword's value suits its type, else WeChat's 47003 naming the first that does not. */
export function checkKeywords(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
  }
  for (const [key, entry] of Object.entries(data)) {
    const value = entry?.value;
    const type = key.replace(/\d+$/, '');
    const rule = RULES[type];
    if (typeof value !== 'string' || value.length === 0 || !rule || !rule(value)) {
      return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
    }
  }
  return undefined;
}
