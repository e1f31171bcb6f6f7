export const EMPLOYEE = '职工基本医疗保险';
export const RESIDENT = '城乡居民基本医疗保险';
export const INSURANCE_TYPES = [EMPLOYEE, RESIDENT];
export const CATEGORIES = ['registration', 'exam', 'lab', 'drug', 'other'];

/** Fund-covered share in percent, by insurance type and category; a category not listed is not covered. */
const FUND_PERCENT = {
  [EMPLOYEE]: { drug: 70, exam: 60, lab: 60 },
  [RESIDENT]: { drug: 50, exam: 50, lab: 50 },
};

/** A drug is a drug by its category or by its YP- code. */
const coverageCategory = (item) => (item.code.toUpperCase().startsWith('YP-') ? 'drug' : item.category);

export const fundPercent = (insuranceType, item) => FUND_PERCENT[insuranceType]?.[coverageCategory(item)] ?? 0;

/**
 * Splits each item into 统筹 (fund), 个人账户 (account) and 自付 (self): the fund pays its share rounded down to the fen,
 * the personal account pays the rest of covered items in item order while its balance lasts, the patient pays the remainder.
 */
export function splitBill(insuranceType, items, accountBalanceFen) {
  let balance = accountBalanceFen;
  const lines = items.map((item) => {
    const percent = fundPercent(insuranceType, item);
    const fundPayFen = Math.floor((item.amountFen * percent) / 100);
    const accountPayFen = percent > 0 ? Math.min(item.amountFen - fundPayFen, balance) : 0;
    balance -= accountPayFen;
    return { code: item.code, name: item.name, category: item.category, amountFen: item.amountFen, fundPayFen, accountPayFen, selfPayFen: item.amountFen - fundPayFen - accountPayFen };
  });
  const sum = (key) => lines.reduce((total, line) => total + line[key], 0);
  return { items: lines, totalFen: sum('amountFen'), fundPayFen: sum('fundPayFen'), accountPayFen: sum('accountPayFen'), selfPayFen: sum('selfPayFen') };
}
