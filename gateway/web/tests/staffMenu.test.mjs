import { test } from 'node:test'
import assert from 'node:assert/strict'
import { menuFor, rolesOf } from '../shared/staff/menuAccess.js'

const token = (claims) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`
const MENU = [
  { key: 'queue', path: '/queue', roles: ['doctor'] },
  { key: 'pharmacist', path: '/pharmacist', roles: ['pharmacist'] },
  { key: 'help', path: '/help' },
]

test('a doctor does not see the pharmacist desk, a pharmacist not the queue', () => {
  assert.deepEqual(menuFor(MENU, token({ role: 'doctor' })).map((i) => i.key), ['queue', 'help'])
  assert.deepEqual(menuFor(MENU, token({ role: 'pharmacist' })).map((i) => i.key), ['pharmacist', 'help'])
  assert.deepEqual(menuFor(MENU, token({ role: ['doctor', 'pharmacist'] })).map((i) => i.key), ['queue', 'pharmacist', 'help'])
})

test('no token or no role sees only entries open to everyone', () => {
  assert.deepEqual(menuFor(MENU, null).map((i) => i.key), ['help'])
  assert.deepEqual(rolesOf(token({ sub: '1' })), [])
})
