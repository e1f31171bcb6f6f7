import { test } from 'node:test'
import assert from 'node:assert/strict'
import { concernsDesk, deskActionForKey, deskQueues, maskName, queueDots, waitText } from '../shared/queue.js'

test('desk shortcuts map keys to actions but not while typing', () => {
  assert.equal(deskActionForKey({ key: 'N', target: { tagName: 'BODY' } }), 'call-next')
  assert.equal(deskActionForKey({ key: 'r', target: { tagName: 'DIV' } }), 'recall')
  assert.equal(deskActionForKey({ key: 's', target: {} }), 'skip')
  assert.equal(deskActionForKey({ key: 'a', target: {} }), 'absent')
  assert.equal(deskActionForKey({ key: 'n', target: { tagName: 'INPUT' } }), null)
  assert.equal(deskActionForKey({ key: 'n', ctrlKey: true, target: {} }), null)
  assert.equal(deskActionForKey({ key: 'x', target: {} }), null)
})

test('wait text follows the ticket', () => {
  assert.equal(waitText({ status: 'called', peopleAhead: 0 }), '已叫到您，请立即到诊室就诊')
  assert.equal(waitText({ status: 'waiting', peopleAhead: 0, estimatedWaitMinutes: 0 }), '下一位就是您，请在诊室门口等候')
  assert.equal(waitText({ status: 'waiting', peopleAhead: 3, estimatedWaitMinutes: 18 }), '前面还有 3 人，预计等待约 18 分钟')
})

test('long queues fold their dots', () => {
  assert.deepEqual(queueDots(3), { shown: 3, folded: 0 })
  assert.deepEqual(queueDots(30, 12), { shown: 11, folded: 19 })
})

test('names are masked', () => {
  assert.equal(maskName('张三明'), '张*明')
  assert.equal(maskName('李四'), '李*')
  assert.equal(maskName('欧阳娜娜'), '欧**娜')
  assert.equal(maskName(''), '')
})

test('the desk lists the doctor\'s own clinics, others only on request and never runnable', () => {
  const all = [{ id: 'a', mine: false }, { id: 'b', mine: true }]
  assert.deepEqual(deskQueues(all).map((q) => q.id), ['b'])
  assert.deepEqual(deskQueues(all, true).map((q) => [q.id, q.disabled]), [['b', false], ['a', true]])
  assert.deepEqual(deskQueues(undefined), [])
})

test('a push refreshes the desk only for the open clinic', () => {
  assert.equal(concernsDesk({ queueId: 'q1' }, 'q1'), true)
  assert.equal(concernsDesk({ queueId: 'q2' }, 'q1'), false)
  assert.equal(concernsDesk(null, 'q1'), false)
})
