// Bills the HIS charged (在线缴费, R37) and inpatient deposits (住院预交金, R36/R39): the rules the patient pages follow.
// Contract: docs/payment-api.md. Amounts are the HIS's integer fen; the only sums made here are the per-category
// subtotals of one invoice, and those are checked against the invoice's own total.

export const BILL_STATUS_TEXT = Object.freeze({ unpaid: '待缴费', paying: '支付中', paid: '已缴费' })

// The order the categories are shown in: the way a 收费单 reads.
export const FEE_CATEGORIES = Object.freeze([
  { key: 'registration', text: '挂号费' },
  { key: 'exam', text: '检查费' },
  { key: 'lab', text: '检验费' },
  { key: 'drug', text: '药品费' },
  { key: 'other', text: '其他' },
])

export function billStatusText(invoice) {
  return invoice?.statusText || BILL_STATUS_TEXT[invoice?.status] || invoice?.status || ''
}

// Still to pay: 待缴费, and 支付中 (an order exists but is not paid: paying it again answers the same order).
export function isOpenBill(invoice) {
  return invoice?.status === 'unpaid' || invoice?.status === 'paying'
}

// The invoices split for 在线缴费, each keeping the server's order (newest first).
export function splitBills(invoices) {
  const list = Array.isArray(invoices) ? invoices : []
  return { open: list.filter(isOpenBill), paid: list.filter((i) => i?.status === 'paid') }
}

// An invoice's lines grouped by category in FEE_CATEGORIES order (unknown categories after, in order of appearance),
// each with its lines and the sum of their amounts in fen.
export function categorySubtotals(items) {
  const groups = new Map()
  for (const item of Array.isArray(items) ? items : []) {
    const key = item?.category || 'other'
    if (!groups.has(key)) {
      const known = FEE_CATEGORIES.find((c) => c.key === key)
      groups.set(key, { category: key, categoryText: item?.categoryText || known?.text || key, items: [], subtotalFen: 0 })
    }
    const group = groups.get(key)
    group.items.push(item)
    group.subtotalFen += Number.isInteger(item?.amountFen) ? item.amountFen : 0
  }
  const rank = (key) => {
    const i = FEE_CATEGORIES.findIndex((c) => c.key === key)
    return i < 0 ? FEE_CATEGORIES.length : i
  }
  return [...groups.values()].sort((a, b) => rank(a.category) - rank(b.category))
}

// Whether the lines add up to the invoice's total, to the fen. A bill that does not is shown with a note: the
// total stays the HIS's.
export function linesMatchTotal(invoice) {
  const sum = categorySubtotals(invoice?.items).reduce((total, g) => total + g.subtotalFen, 0)
  return sum === invoice?.totalFen
}

// 预交金 limits of the Payment API: 1.00 to 50000.00 yuan.
export const TOP_UP_MIN_FEN = 100
export const TOP_UP_MAX_FEN = 5_000_000
export const TOP_UP_PRESETS_YUAN = Object.freeze([500, 1000, 2000])

// Yuan as typed (「1000」, 「1,000.5」, 「￥88.80」, full-width digits) → integer fen without floating point, or an error
// in Chinese: { fen } | { error }.
export function parseYuan(text) {
  const raw = String(text ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，¥￥元]/g, '')
  if (!raw) return { error: '请输入充值金额' }
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(raw)
  if (!match) return { error: /^\d+\.\d{3,}$/.test(raw) ? '金额最多保留两位小数' : '请输入正确的金额' }
  const whole = match[1].replace(/^0+(?=\d)/, '')
  if (whole.length > 9) return { error: '单次充值金额不能超过 50000 元' }
  const fen = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (fen < TOP_UP_MIN_FEN) return { error: '单次充值金额不能低于 1 元' }
  if (fen > TOP_UP_MAX_FEN) return { error: '单次充值金额不能超过 50000 元' }
  return { fen }
}

// The deposit drawn as one bar: the part of the deposits the charges used and the part left (the balance). When
// the charges went beyond the deposits, the bar is all used and `overdrawnFen` says by how much.
export function depositBar(account) {
  const deposited = Math.max(0, account?.depositTotalFen ?? 0)
  const charged = Math.max(0, account?.chargesTotalFen ?? 0)
  const usedPercent = deposited > 0 ? Math.min(100, Math.round((charged / deposited) * 1000) / 10) : charged > 0 ? 100 : 0
  return {
    usedPercent,
    leftPercent: deposited > 0 || charged > 0 ? Math.round((100 - usedPercent) * 10) / 10 : 0,
    overdrawnFen: Math.max(0, charged - deposited),
  }
}

// After a top-up was paid the HIS raises the account a moment later: the top-up counts as arrived once the
// account's deposits (or balance) rose above what they were when paying began.
export function topUpArrived(before, account) {
  if (!before || !account) return false
  return (account.depositTotalFen ?? 0) > (before.depositTotalFen ?? 0) || (account.balanceFen ?? 0) > (before.balanceFen ?? 0)
}

// Gaps between re-reads of the deposits while 到账处理中; after the last one the page stops asking and says so.
export const ARRIVAL_DELAYS = Object.freeze([1_000, 2_000, 3_000, 5_000, 8_000])

// A deposit account's movements as a ledger, newest first: deposits in (+), charges out (−), and the balance after
// each, counted from the first. `consistent` says whether they reach the HIS's balance to the fen.
export function depositLedger(account) {
  const time = (m) => (m.at ? Date.parse(m.at) : 0)
  // Oldest first; on the same instant a deposit before a charge.
  const oldestFirst = [...(account?.movements ?? [])].sort((a, b) => time(a) - time(b) || (a.kind === 'deposit' ? -1 : 1))
  let balance = 0
  const rows = oldestFirst.map((m) => {
    const signed = m.kind === 'deposit' ? m.amountFen : -m.amountFen
    balance += signed
    return { ...m, signedFen: signed, balanceFen: balance }
  })
  return { rows: rows.reverse(), consistent: balance === (account?.balanceFen ?? 0) }
}
