import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  billStatusText, categorySubtotals, depositBar, depositLedger, linesMatchTotal, parseYuan, splitBills, topUpArrived,
} from '../shared/billing.js'

const line = (category, amountFen, extra = {}) => ({ id: `${category}-${amountFen}`, name: category, category, quantity: 1, amountFen, ...extra })

test('categorySubtotals groups lines in 收费单 order with subtotals that add up to the fen', () => {
  const items = [line('drug', 1234), line('exam', 28000), line('registration', 5000), line('drug', 1), line('lab', 3333)]
  const groups = categorySubtotals(items)
  assert.deepEqual(groups.map((g) => g.category), ['registration', 'exam', 'lab', 'drug'])
  assert.deepEqual(groups.map((g) => g.subtotalFen), [5000, 28000, 3333, 1235])
  assert.deepEqual(groups.map((g) => g.categoryText), ['挂号费', '检查费', '检验费', '药品费'])
  assert.equal(groups[3].items.length, 2)
  assert.equal(groups.reduce((s, g) => s + g.subtotalFen, 0), 37568)
})

test('categorySubtotals keeps the server text, puts unknown categories last and survives bad input', () => {
  const groups = categorySubtotals([line('bed', 100, { categoryText: '床位费' }), line('exam', 5, { categoryText: '检查' }), { amountFen: 7 }])
  assert.deepEqual(groups.map((g) => [g.category, g.categoryText, g.subtotalFen]), [['exam', '检查', 5], ['other', '其他', 7], ['bed', '床位费', 100]])
  assert.deepEqual(categorySubtotals(undefined), [])
  assert.deepEqual(categorySubtotals([line('lab', 1.5)]).map((g) => g.subtotalFen), [0])
})

test('linesMatchTotal compares the lines with the invoice total exactly', () => {
  assert.equal(linesMatchTotal({ totalFen: 46000, items: [line('exam', 28000), line('drug', 18000)] }), true)
  assert.equal(linesMatchTotal({ totalFen: 46001, items: [line('exam', 28000), line('drug', 18000)] }), false)
  assert.equal(linesMatchTotal({ totalFen: 0, items: [] }), true)
})

test('splitBills keeps 待缴费 and 支付中 to pay, 已缴费 below, in the server order', () => {
  const invoices = [{ id: 'a', status: 'paid' }, { id: 'b', status: 'unpaid' }, { id: 'c', status: 'paying' }, { id: 'd', status: 'paid' }]
  const { open, paid } = splitBills(invoices)
  assert.deepEqual(open.map((i) => i.id), ['b', 'c'])
  assert.deepEqual(paid.map((i) => i.id), ['a', 'd'])
  assert.deepEqual(splitBills(null), { open: [], paid: [] })
  assert.equal(billStatusText({ status: 'paying' }), '支付中')
  assert.equal(billStatusText({ status: 'paid', statusText: '已缴清' }), '已缴清')
})

test('parseYuan turns typed yuan into integer fen without floating point', () => {
  assert.deepEqual(parseYuan('1000'), { fen: 100000 })
  assert.deepEqual(parseYuan('0.29'), { error: '单次充值金额不能低于 1 元' })
  assert.deepEqual(parseYuan('1'), { fen: 100 })
  assert.deepEqual(parseYuan('1.1'), { fen: 110 })
  assert.deepEqual(parseYuan('19.99'), { fen: 1999 })
  assert.deepEqual(parseYuan('4.35'), { fen: 435 }) // 4.35 * 100 is 434.99999… in floating point
  assert.deepEqual(parseYuan(' ￥1,000.50元 '), { fen: 100050 })
  assert.deepEqual(parseYuan('２０００'), { fen: 200000 })
  assert.deepEqual(parseYuan('50000'), { fen: 5000000 })
  assert.deepEqual(parseYuan('007'), { fen: 700 })
  assert.deepEqual(parseYuan('12.'), { fen: 1200 })
})

test('parseYuan refuses what the API would refuse, in Chinese', () => {
  assert.deepEqual(parseYuan(''), { error: '请输入充值金额' })
  assert.deepEqual(parseYuan(null), { error: '请输入充值金额' })
  assert.deepEqual(parseYuan('0'), { error: '单次充值金额不能低于 1 元' })
  assert.deepEqual(parseYuan('0.99'), { error: '单次充值金额不能低于 1 元' })
  assert.deepEqual(parseYuan('50000.01'), { error: '单次充值金额不能超过 50000 元' })
  assert.deepEqual(parseYuan('99999999999999'), { error: '单次充值金额不能超过 50000 元' })
  assert.deepEqual(parseYuan('1.234'), { error: '金额最多保留两位小数' })
  assert.deepEqual(parseYuan('-5'), { error: '请输入正确的金额' })
  assert.deepEqual(parseYuan('1e3'), { error: '请输入正确的金额' })
  assert.deepEqual(parseYuan('.5'), { error: '请输入正确的金额' })
  assert.deepEqual(parseYuan('abc'), { error: '请输入正确的金额' })
})

test('depositBar splits the deposits into used and left, and says when charges went beyond them', () => {
  assert.deepEqual(depositBar({ depositTotalFen: 200000, chargesTotalFen: 50000 }), { usedPercent: 25, leftPercent: 75, overdrawnFen: 0 })
  assert.deepEqual(depositBar({ depositTotalFen: 300000, chargesTotalFen: 100000 }), { usedPercent: 33.3, leftPercent: 66.7, overdrawnFen: 0 })
  assert.deepEqual(depositBar({ depositTotalFen: 100000, chargesTotalFen: 130000 }), { usedPercent: 100, leftPercent: 0, overdrawnFen: 30000 })
  assert.deepEqual(depositBar({ depositTotalFen: 0, chargesTotalFen: 0 }), { usedPercent: 0, leftPercent: 0, overdrawnFen: 0 })
  assert.deepEqual(depositBar({ depositTotalFen: 0, chargesTotalFen: 500 }), { usedPercent: 100, leftPercent: 0, overdrawnFen: 500 })
  assert.deepEqual(depositBar(undefined), { usedPercent: 0, leftPercent: 0, overdrawnFen: 0 })
})

test('topUpArrived waits for the account to rise above where it was', () => {
  const before = { depositTotalFen: 100000, balanceFen: 40000 }
  assert.equal(topUpArrived(before, { depositTotalFen: 100000, balanceFen: 40000 }), false)
  assert.equal(topUpArrived(before, { depositTotalFen: 150000, balanceFen: 90000 }), true)
  assert.equal(topUpArrived(before, { depositTotalFen: 100000, balanceFen: 40100 }), true)
  assert.equal(topUpArrived(null, { depositTotalFen: 1 }), false)
})

test('a deposit ledger runs the balance from the first movement and checks it against the HIS', () => {
  const account = {
    balanceFen: 176544,
    movements: [
      { id: 'c1', kind: 'charge', text: '床位费', amountFen: 6000, at: '2026-12-05T12:00:00+08:00' },
      { id: 'd1', kind: 'deposit', text: '住院处窗口缴纳预交金', amountFen: 300000, at: '2026-12-05T09:00:00+08:00' },
      { id: 'c2', kind: 'charge', text: '检查检验费', amountFen: 117456, at: '2026-12-06T08:00:00+08:00' },
    ],
  }
  const ledger = depositLedger(account)
  assert.deepEqual(ledger.rows.map((r) => [r.id, r.signedFen, r.balanceFen]), [['c2', -117456, 176544], ['c1', -6000, 294000], ['d1', 300000, 300000]])
  assert.equal(ledger.consistent, true)
  assert.equal(depositLedger({ ...account, balanceFen: 1 }).consistent, false)
})
