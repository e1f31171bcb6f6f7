import { reactive } from 'vue'

// The triage in progress, kept for this visit (not stored): leaving for a department's slots and coming back shows
// the same answer, and a reload starts afresh rather than showing an old answer as if it were current.
export const STEPS = Object.freeze(['who', 'body', 'symptoms', 'questions', 'result'])
export const STEP_TITLES = Object.freeze({ who: '为谁导诊', body: '选择部位', symptoms: '描述症状', questions: '回答问题', result: '推荐科室' })

export const draft = reactive(fresh())

function fresh() {
  return {
    subject: { choice: '', patientId: '', name: '', age: null, sex: '' },
    bodyPart: '',
    symptoms: [],
    freeText: '',
    answers: {},
    questions: [],
    questionRounds: 0,
    result: null,
  }
}

export function resetDraft() {
  Object.assign(draft, fresh())
}

// The furthest step the draft has what it needs for, so a link or the back button never opens an empty step.
export function reachableStep(wanted) {
  const order = ['who']
  if (draft.subject.choice && draft.subject.sex && draft.subject.age !== null) order.push('body')
  if (draft.bodyPart) order.push('symptoms')
  if (draft.questions.length && draft.result) order.push('questions')
  if (draft.result) order.push('result')
  return order.includes(wanted) ? wanted : order[order.length - 1]
}
