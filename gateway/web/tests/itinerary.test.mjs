import { test } from 'node:test'
import assert from 'node:assert/strict'
import { legCaption, nextNodeId, polylinePoints, removeNode, toggleEdge, withWalkway } from '../shared/navigation.js'
import { routeTarget, stepQueueText } from '../shared/queue.js'

const steps = [
  { kind: 'check-in', status: 'done', placeId: 'dept-xxgnk' },
  { kind: 'clinic', status: 'done', placeId: 'dept-xxgnk' },
  { kind: 'exam', status: 'current', placeId: 'main-yjl-3-us1', queueAhead: 2, estimatedWaitMinutes: 16 },
  { kind: 'payment', status: 'upcoming', placeId: 'main-mzl-1-payment' },
]

test('the route goes from where the patient last was to the current step', () => {
  assert.deepEqual(routeTarget(steps, 'main-mzl-1-service'), { from: 'dept-xxgnk', to: 'main-yjl-3-us1', step: steps[2] })
})

test('the first step is reached from the hall, and a step without a place has no route', () => {
  const first = [{ status: 'current', placeId: 'dept-xxgnk' }, { status: 'upcoming', placeId: 'x' }]
  assert.equal(routeTarget(first, 'main-mzl-1-service').from, 'main-mzl-1-service')
  assert.equal(routeTarget([{ status: 'current', placeId: null }], 'hall'), null)
  assert.equal(routeTarget([{ status: 'current', placeId: 'hall' }], 'hall'), null)
  assert.equal(routeTarget([], 'hall'), null)
})

test('without a current step the next upcoming one is the target', () => {
  const later = [{ status: 'done', placeId: 'a' }, { status: 'upcoming', placeId: 'b' }]
  assert.deepEqual(routeTarget(later, 'hall'), { from: 'a', to: 'b', step: later[1] })
})

test('queue text shows people ahead and the wait, not for done steps', () => {
  assert.equal(stepQueueText(steps[2]), '前面 2 人 · 约 16 分钟')
  assert.equal(stepQueueText({ status: 'upcoming', queueAhead: 0, estimatedWaitMinutes: 0 }), '前面 0 人')
  assert.equal(stepQueueText({ status: 'done', queueAhead: 3 }), '')
  assert.equal(stepQueueText({ status: 'upcoming', queueAhead: null }), '')
})

test('a leg is drawn as SVG polyline points and captioned by how it is reached', () => {
  assert.equal(polylinePoints({ points: [{ x: 10.04, y: 20 }, { x: 30, y: 40.26 }] }), '10,20 30,40.3')
  assert.equal(legCaption({ building: '门诊楼', floorLabel: '1F', arriveBy: null }, 0), '起点 · 门诊楼 1F')
  assert.equal(legCaption({ building: '门诊楼', floorLabel: '3F', arriveBy: 'lift' }, 1), '电梯到 门诊楼 3F')
})

test('walkway editing links, unlinks and removes nodes with their corridors', () => {
  const nodes = [{ id: 'n1' }, { id: 'n2' }, { id: 'n4' }]
  assert.equal(nextNodeId(nodes), 'n5')
  assert.equal(nextNodeId([]), 'n1')
  let edges = toggleEdge([], 'n1', 'n2')
  assert.deepEqual(edges, [{ from: 'n1', to: 'n2' }])
  assert.deepEqual(toggleEdge(edges, 'n2', 'n1'), [])
  assert.equal(toggleEdge(edges, 'n1', 'n1'), edges)
  edges = toggleEdge(edges, 'n2', 'n4')
  const doc = removeNode({ nodes, edges, places: [{ id: 'p', nodeId: 'n2' }, { id: 'q', nodeId: 'n1' }] }, 'n2')
  assert.deepEqual(doc.nodes.map((n) => n.id), ['n1', 'n4'])
  assert.deepEqual(doc.edges, [])
  assert.deepEqual(doc.places.map((p) => p.nodeId), ['', 'n1'])
})

test('old documents gain an empty walkway, and places keep the node they name', () => {
  const doc = withWalkway({ campus: '本部院区', places: [{ id: 'a' }, { id: 'b', nodeId: 'n3' }] })
  assert.deepEqual([doc.nodes, doc.edges, doc.metersPerUnit, doc.places.map((p) => p.nodeId)], [[], [], 0.1, ['', 'n3']])
})

test('the next step is the current one, else the first still to do', async () => {
  const { nextStep } = await import('../shared/queue.js')
  assert.equal(nextStep(steps), steps[2])
  assert.equal(nextStep([{ status: 'done' }, { status: 'upcoming', kind: 'x' }]).kind, 'x')
  assert.equal(nextStep([{ status: 'done' }]), null)
})
