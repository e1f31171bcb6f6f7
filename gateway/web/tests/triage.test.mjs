import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  BODY_REGIONS, assessmentRequest, bookableDepartment, bookingRoute, complaintText, departmentPlace, emergencyDepartment,
  emergencyAdviceOf, emergencyReasons, figureOf, followUpQuestions, normalizeBodyPart, reasonText, scorePercent, subjectErrors, subjectOfPatient,
  recognisedText, symptomNames, triageApi, unansweredQuestions,
} from '../shared/triage.js'
import { OFF_MAP_REGIONS, PILL, VIEWBOX, bodyMapLayout, reachableRegions } from '../shared/triageBodyMap.js'

const FIGURES = ['male', 'female', 'child']
const VIEW_NAMES = ['front', 'back']

test('the body map offers exactly the 21 regions the Triage API names, for every figure', () => {
  assert.deepEqual([...BODY_REGIONS], ['头部', '眼部', '耳部', '鼻部', '口腔', '颈部', '胸部', '乳房', '腹部', '腰部', '背部',
    '肩部', '上肢', '髋部', '膝部', '下肢', '足部', '会阴部', '肛门', '皮肤', '全身'])
  for (const figure of FIGURES) assert.deepEqual(reachableRegions(figure), [...BODY_REGIONS], figure)
  for (const figure of FIGURES) {
    for (const view of VIEW_NAMES) {
      for (const r of bodyMapLayout(figure, view)) {
        assert.ok(BODY_REGIONS.includes(r.name), `${r.name} is an API region`)
        assert.ok(!OFF_MAP_REGIONS.includes(r.name))
      }
    }
  }
})

test('front shows the face, chest and 会阴部; back shows 背部, 腰部 and 肛门', () => {
  const names = (view) => bodyMapLayout('male', view).map((r) => r.name)
  for (const n of ['眼部', '耳部', '鼻部', '口腔', '胸部', '乳房', '腹部', '会阴部']) assert.ok(names('front').includes(n), n)
  for (const n of ['背部', '腰部', '肛门']) assert.ok(names('back').includes(n), n)
  assert.ok(!names('front').includes('肛门'))
  assert.ok(!names('back').includes('会阴部'))
})

test('every region has a pill inside the drawing, big enough to touch, and pills of a column never overlap', () => {
  for (const figure of FIGURES) {
    for (const view of VIEW_NAMES) {
      const regions = bodyMapLayout(figure, view)
      for (const r of regions) {
        assert.ok(PILL.height >= 44 && PILL.width >= 44)
        assert.ok(r.pill.y >= 0 && r.pill.y + PILL.height <= VIEWBOX.height, `${figure} ${view} ${r.name} inside`)
        assert.ok(r.shapes.length > 0)
        assert.ok(r.side === 'left' ? r.pill.x + PILL.width <= r.anchor[0] : r.pill.x >= r.anchor[0], `${r.name} pill beside the figure`)
      }
      for (const side of ['left', 'right']) {
        const ys = regions.filter((r) => r.side === side).map((r) => r.pill.y).sort((a, b) => a - b)
        ys.slice(1).forEach((y, i) => assert.ok(y - ys[i] >= PILL.height, `${figure} ${view} ${side} pills overlap`))
      }
    }
  }
})

test('small regions are drawn after the large ones they sit on, so they stay tappable', () => {
  const order = bodyMapLayout('female', 'front').map((r) => r.name)
  assert.ok(order.indexOf('头部') < order.indexOf('眼部'))
  assert.ok(order.indexOf('胸部') < order.indexOf('乳房'))
  assert.ok(order.indexOf('髋部') < order.indexOf('会阴部'))
  const back = bodyMapLayout('child', 'back').map((r) => r.name)
  assert.ok(back.indexOf('髋部') < back.indexOf('肛门'))
})

test('the figure follows age and sex: children under 14 get the child figure', () => {
  assert.equal(figureOf({ age: 5, sex: 'M' }), 'child')
  assert.equal(figureOf({ age: 13, sex: 'F' }), 'child')
  assert.equal(figureOf({ age: 14, sex: 'F' }), 'female')
  assert.equal(figureOf({ age: 58, sex: 'M' }), 'male')
  assert.equal(figureOf({ age: null, sex: 'F' }), 'female')
})

test('a 就诊人 fills in age from the birth year and sex from the profile', () => {
  const today = new Date(2026, 11, 6)
  assert.deepEqual(subjectOfPatient({ id: 'p1', name: '王芳', gender: 'female', birthYear: 1968 }, today),
    { patientId: 'p1', name: '王芳', age: 58, sex: 'F' })
  assert.deepEqual(subjectOfPatient({ id: 'p2', name: '小明', gender: 'male', birthYear: 2020 }, today),
    { patientId: 'p2', name: '小明', age: 6, sex: 'M' })
  assert.equal(subjectOfPatient({ id: 'p3', gender: '', birthYear: 0 }, today).age, null)
  assert.equal(subjectOfPatient(null).patientId, '')
})

test('age and sex are checked before the map opens', () => {
  assert.deepEqual(subjectErrors({ age: 6, sex: 'M' }), {})
  assert.ok(subjectErrors({ age: null, sex: 'M' }).age)
  assert.ok(subjectErrors({ age: 130, sex: 'M' }).age)
  assert.ok(subjectErrors({ age: 2.5, sex: 'M' }).age)
  assert.ok(subjectErrors({ age: 30, sex: '' }).sex)
})

test('the request carries age, sex, a known region and the complaint from chips and own words', () => {
  const request = assessmentRequest({
    age: '6', sex: 'M', bodyPart: '全身', symptoms: ['发热', '咳嗽', '发热'], freeText: '  烧了两天，晚上咳得厉害 ', answers: { high_fever: true, convulsion: false, rash: undefined },
  })
  assert.deepEqual(request, { age: 6, sex: 'M', bodyPart: '全身', complaint: '发热，咳嗽，烧了两天，晚上咳得厉害', answers: { high_fever: true, convulsion: false } })
  assert.equal(assessmentRequest({ age: 58, sex: 'M', bodyPart: '心脏', symptoms: [], freeText: '胸痛' }).bodyPart, '全身')
  assert.ok(!('answers' in assessmentRequest({ age: 58, sex: 'M', bodyPart: '胸部', symptoms: [], freeText: '胸痛', answers: {} })))
  assert.equal(normalizeBodyPart('胸部'), '胸部')
  assert.equal(complaintText([], 'x'.repeat(900)).length, 500)
  assert.equal(complaintText([], '  '), '')
})

test('the assessment is posted without sign-in', async () => {
  const calls = []
  const api = { post: (path, body, options) => (calls.push({ path, body, options }), Promise.resolve({})), get: () => Promise.resolve([]) }
  await triageApi(api).assess({ age: 1 })
  assert.equal(calls[0].path, '/api/triage/assessments')
  assert.equal(calls[0].options.anonymous, true)
})

test('scores become whole percent for the bar, clamped to 0–100', () => {
  assert.equal(scorePercent(0.823), 82)
  assert.equal(scorePercent(1.4), 100)
  assert.equal(scorePercent(-1), 0)
  assert.equal(scorePercent('x'), 0)
})

test('reasons, suggestions, questions and danger signs read whatever shape the server sends', () => {
  assert.equal(reasonText('发热 → 儿科'), '发热 → 儿科')
  assert.equal(reasonText({ text: '儿童发热首选儿科' }), '儿童发热首选儿科')
  assert.deepEqual(symptomNames([{ name: '发热' }, '咳嗽', { name: '发热' }, { label: '流涕' }]), ['发热', '咳嗽', '流涕'])
  assert.deepEqual(symptomNames({ items: ['头痛'] }), ['头痛'])
  const [q] = followUpQuestions({ followUpQuestions: [{ code: 'chest_pain_radiating', text: '疼痛是否向左肩放射？' }, { text: 'no code' }] })
  assert.equal(q.id, 'chest_pain_radiating')
  assert.deepEqual(q.options, [{ value: true, label: '是' }, { value: false, label: '否' }])
  const advice = emergencyAdviceOf({
    emergency: true,
    emergencyAdvice: { message: '请立即拨打120', reasons: ['胸痛伴出汗：警惕急性心肌梗死'], department: { name: '急诊科' }, phone: '120' },
  })
  assert.deepEqual(advice, { message: '请立即拨打120', reasons: ['胸痛伴出汗：警惕急性心肌梗死'], department: { name: '急诊科' }, phone: '120' })
  assert.equal(emergencyAdviceOf({ emergency: false, emergencyAdvice: null }), null)
  const asked = { followUpQuestions: [{ code: 'a', text: 'A？' }, { code: 'b', text: 'B？' }] }
  assert.deepEqual(unansweredQuestions(asked, { a: false }).map((x) => x.id), ['b'])
  assert.equal(recognisedText([{ name: '胸痛', matched: '胸口压榨样疼痛' }, { name: '出汗', matched: '出汗' }]), '胸痛（胸口压榨样疼痛）、出汗')
  assert.equal(emergencyAdviceOf({ emergency: true }).phone, '120')
  assert.deepEqual(emergencyReasons({ emergency: false }), [])
})

const hospital = [
  { id: 'h-ek', code: 'ek', name: '儿科', campus: '本部院区', building: '门诊楼', floor: '1楼' },
  { id: 'h-jzk', code: 'jzk', name: '急诊科', campus: '本部院区', building: '急诊楼', floor: '1楼', phone: '027-82211113' },
  { id: 'h-nk', code: 'nk', name: '内科' },
]
const scheduling = [
  { id: 's-ek', code: 'ek', name: '儿科', campus: '本部院区' },
  { id: 's-nk', code: 'nk', name: '内科', campus: '本部院区' },
]

test('a recommended department links to its bookable slots through the Hospital code, then by name', () => {
  assert.equal(bookableDepartment({ name: '儿科', departmentId: 'h-ek' }, hospital, scheduling).id, 's-ek')
  assert.equal(bookableDepartment({ name: '内科', departmentId: 's-nk' }, hospital, scheduling).id, 's-nk')
  assert.equal(bookableDepartment({ name: '内科', departmentId: 'unknown' }, hospital, scheduling).id, 's-nk')
  assert.equal(bookableDepartment({ name: '急诊科', departmentId: 'h-jzk' }, hospital, scheduling), null)
  assert.deepEqual(bookingRoute(scheduling[0]), { name: 'booking', query: { campus: '本部院区', departmentId: 's-ek' } })
  assert.equal(bookingRoute(null), null)
})

test('the emergency department and its place on the map are found from the Hospital data', () => {
  assert.equal(emergencyDepartment(hospital).id, 'h-jzk')
  assert.equal(emergencyDepartment([{ id: 'x', code: 'er', name: '急诊医学科' }]).id, 'x')
  assert.equal(emergencyDepartment(hospital, { departmentId: 'h-nk' }).id, 'h-nk')
  assert.equal(emergencyDepartment([]), null)
  const advised = { name: '急诊科', departmentId: null, campus: '本部院区', building: '急诊楼', floor: '1楼' }
  assert.equal(emergencyDepartment([], advised), advised)
  const places = [
    { id: 'main-jzl-1-payment', kind: 'payment', departmentCode: null },
    { id: 'dept-jzk', kind: 'department', departmentCode: 'jzk' },
  ]
  assert.equal(departmentPlace(places, 'jzk').id, 'dept-jzk')
  assert.equal(departmentPlace([], 'jzk'), null)
})
