import { test } from 'node:test'
import assert from 'node:assert/strict'
import { OUTCOME, emptyProfile, outcomeLabel, previsitApi, profileErrors, profileForSave, screeningComplete } from '../shared/previsit.js'
import { assessmentRequest, triageApi } from '../shared/triage.js'

test('blank rows are dropped and a man is never sent as pregnant', () => {
  const profile = {
    ...emptyProfile(), sex: 'M', pregnant: true,
    symptoms: [{ text: ' 咳嗽 ', onset: ' 3天 ' }, { text: '  ', onset: '' }],
    allergies: [{ substance: '阿莫西林', class: 'penicillins', reaction: '', severity: '' }, { substance: '', class: '' }],
  }
  const saved = profileForSave(profile)
  assert.equal(saved.pregnant, false)
  assert.deepEqual(saved.symptoms, [{ text: '咳嗽', onset: '3天' }])
  assert.deepEqual(saved.allergies, [{ substance: '阿莫西林', class: 'penicillins', reaction: null, severity: null }])
})

test('an allergy needs its class and a relative their relation', () => {
  const errors = profileErrors({ ...emptyProfile(), allergies: [{ substance: '某药', class: '' }], family: [{ relation: '', condition: '糖尿病' }] })
  assert.equal(errors.allergies, '请选择过敏物的类别')
  assert.equal(errors.family, '请选择亲属关系')
  assert.deepEqual(profileErrors(emptyProfile()), {})
})

test('screening answers are complete only when every question is answered yes or no', () => {
  const questions = [{ code: 'fever' }, { code: 'travel' }]
  assert.equal(screeningComplete(questions, { fever: false }), false)
  assert.equal(screeningComplete(questions, { fever: false, travel: true }), true)
  assert.equal(outcomeLabel(OUTCOME.contactClinic), '请先联系门诊，暂不要直接来院')
  assert.equal(outcomeLabel(OUTCOME.mayCome), '可按预约时间来院')
})

test('the profile is read and saved for one patient, the triage for a 就诊人 is signed in', async () => {
  const calls = []
  const api = {
    get: (path, options) => (calls.push(['GET', path, options]), Promise.resolve({})),
    put: (path, body) => (calls.push(['PUT', path, body]), Promise.resolve({})),
    post: (path, body, options) => (calls.push(['POST', path, body, options]), Promise.resolve({})),
  }
  await previsitApi(api).saveProfile('p/1', emptyProfile(), 2)
  assert.deepEqual(calls[0].slice(0, 2), ['PUT', '/api/triage/patients/p%2F1/health-profile'])
  assert.equal(calls[0][2].version, 2)
  const request = assessmentRequest({ age: 30, sex: 'F', bodyPart: '腹部', symptoms: [], freeText: '肚子疼', patientId: 'p1' })
  assert.equal(request.patientId, 'p1')
  await triageApi(api).assess(request)
  assert.equal(calls[1][3].anonymous, false)
  await triageApi(api).assess({ ...request, patientId: undefined })
  assert.equal(calls[2][3].anonymous, true)
})

test('a triage refused for that patient is answered anonymously instead', async () => {
  const calls = []
  const api = {
    post: (path, body, options) => {
      calls.push({ body, options })
      return options.anonymous ? Promise.resolve({ departments: [] }) : Promise.reject(Object.assign(new Error('x'), { status: 403 }))
    },
  }
  const result = await triageApi(api).assess({ age: 30, sex: 'F', complaint: '咳嗽', patientId: 'p1' })
  assert.deepEqual(result, { departments: [] })
  assert.equal(calls.length, 2)
  assert.ok(!('patientId' in calls[1].body))
})
