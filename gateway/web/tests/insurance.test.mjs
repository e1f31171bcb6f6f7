import test from 'node:test'
import assert from 'node:assert/strict'
import { insuranceReturn, splitBar, splitTotals, withoutInsuranceReturn } from '../shared/insurance.js'

test('a split adds up per line and in total, to the fen', () => {
  const totals = splitTotals([
    { amountFen: 1500, fundPayFen: 0, accountPayFen: 0, selfPayFen: 1500 },
    { amountFen: 8888, fundPayFen: 6221, accountPayFen: 2667, selfPayFen: 0 },
  ])
  assert.deepEqual(totals, { amountFen: 10388, fundPayFen: 6221, accountPayFen: 2667, selfPayFen: 1500, consistent: true })
  assert.equal(splitTotals([{ amountFen: 100, fundPayFen: 50, accountPayFen: 0, selfPayFen: 49 }]).consistent, false)
})

test('the bar leaves out payers with nothing and keeps small parts visible', () => {
  const bar = splitBar({ totalFen: 100000, fundPayFen: 99900, accountPayFen: 0, selfPayFen: 100 })
  assert.deepEqual(bar.map((p) => [p.key, p.percent]), [['fundPayFen', 99.9], ['selfPayFen', 2]])
  assert.deepEqual(splitBar({ totalFen: 0 }), [])
})

test('the way back from the 医保电子凭证 page is read and then dropped from the address', () => {
  assert.deepEqual(insuranceReturn({ ec_token: 'EC1', state: 's' }), { kind: 'token', ecToken: 'EC1', state: 's' })
  assert.deepEqual(insuranceReturn({ error: 'denied', state: 's' }), { kind: 'denied' })
  assert.deepEqual(insuranceReturn({ ec_token: 'EC1' }), { kind: 'none' })
  assert.deepEqual(withoutInsuranceReturn({ ec_token: 'EC1', state: 's', patientId: 'p' }), { patientId: 'p' })
})
