// 医保移动支付 (X02): how a bill splits between 医保统筹 (fund), 个人账户 (account) and 自付 (self), and the answer the
// 医保电子凭证 page sends the patient back with. Contract: docs/payment-api.md. Pure functions for node --test.

export const PAYERS = Object.freeze([
  { key: 'fundPayFen', text: '统筹支付', color: '#0a4aa8' },
  { key: 'accountPayFen', text: '个人账户', color: '#067d3a' },
  { key: 'selfPayFen', text: '自付', color: '#b45309' },
])

export const INSURANCE_ERRORS = Object.freeze({
  denied: '您已取消医保电子凭证授权，可重新授权或改用自费支付',
  missing: '未收到医保电子凭证授权结果，请重新发起医保支付',
})

// The three parts of every line add up to the line, and the totals to the bill, to the fen; anything else is shown
// as a mismatch rather than corrected.
export function splitTotals(items) {
  const totals = { amountFen: 0, fundPayFen: 0, accountPayFen: 0, selfPayFen: 0, consistent: true }
  for (const item of items ?? []) {
    totals.amountFen += item.amountFen
    for (const { key } of PAYERS) totals[key] += item[key] ?? 0
    if ((item.fundPayFen ?? 0) + (item.accountPayFen ?? 0) + (item.selfPayFen ?? 0) !== item.amountFen) totals.consistent = false
  }
  return totals
}

// Widths of the stacked bar, in percent of the bill, each at least a sliver when it is not zero so it stays visible.
export function splitBar(split) {
  const total = split?.totalFen ?? 0
  if (total <= 0) return []
  return PAYERS.map(({ key, text, color }) => ({ key, text, color, fen: split[key] ?? 0 }))
    .filter((part) => part.fen > 0)
    .map((part) => ({ ...part, percent: Math.max(2, Math.round((part.fen / total) * 1000) / 10) }))
}

// What the 医保电子凭证 page put on the way back: a one-time token and our state, or a refusal.
export function insuranceReturn(query) {
  const one = (v) => (Array.isArray(v) ? v[0] : v)
  const token = one(query?.ec_token)
  const state = one(query?.state)
  if (one(query?.error) === 'denied') return { kind: 'denied' }
  if (typeof token === 'string' && token && typeof state === 'string' && state) return { kind: 'token', ecToken: token, state }
  return { kind: 'none' }
}

// The query without the authorisation's one-time values, so a reload or a shared address never replays them.
export function withoutInsuranceReturn(query) {
  const rest = { ...(query ?? {}) }
  for (const key of ['ec_token', 'state', 'error']) delete rest[key]
  return rest
}
