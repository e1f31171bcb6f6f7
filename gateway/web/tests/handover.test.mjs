import { test } from 'node:test'
import assert from 'node:assert/strict'
import { handoverTarget, withoutTicket } from '../patient/src/handoverTarget.js'

test('the web-view handover lands only on pages of this app', () => {
  assert.equal(handoverTarget('/booking?dept=1'), '/booking?dept=1')
  assert.equal(handoverTarget(undefined), '/')
  assert.equal(handoverTarget('https://evil.example/'), '/')
  assert.equal(handoverTarget('//evil.example/'), '/')
  assert.equal(handoverTarget('/\\evil.example/'), '/')
  assert.equal(handoverTarget('/handover?ticket=x'), '/')
  assert.equal(handoverTarget(['/booking']), '/')
})

test('the ticket leaves the address and everything else stays', () => {
  assert.equal(withoutTicket('https://h.example/handover?ticket=abc&to=%2Fqueue#x'), '/handover?to=%2Fqueue#x')
  assert.equal(withoutTicket('https://h.example/handover?ticket=abc'), '/handover')
  assert.equal(withoutTicket('/handover?to=%2Fmine&ticket=abc'), '/handover?to=%2Fmine')
})
