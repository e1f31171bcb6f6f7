import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  bmi, cha2ds2vasc, ckdStage, egfrCkdEpi2021, gvhdGrade, liverStage, lowerGiStage, skinStage,
} from '../shared/calculators.js'

test('BMI with the Chinese adult categories, refusing impossible inputs', () => {
  assert.deepEqual(bmi(70, 175), { value: 22.9, category: '正常' })
  assert.deepEqual(bmi(50, 170), { value: 17.3, category: '偏瘦' })
  assert.equal(bmi(75, 175).category, '超重') // 24.5
  assert.equal(bmi(90, 170).category, '肥胖') // 31.1
  assert.equal(bmi(0, 170), null)
  assert.equal(bmi(70, 17.5), null)
})

test('eGFR by CKD-EPI 2021 matches published worked values', () => {
  // 60-year-old man, creatinine 1.2 mg/dL (106.08 µmol/L): 69 mL/min/1.73 m² (NKF calculator).
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 1.2 * 88.4, ageYears: 60, sex: 'male' }).value, 69)
  // 50-year-old woman, creatinine 1.0 mg/dL: 69.
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 88.4, ageYears: 50, sex: 'female' }).value, 69)
  // Below the knee of the curve (women κ 0.7, α −0.241): 30-year-old woman, 0.6 mg/dL → 142·0.857^−0.241·0.9938^30·1.012 ≈ 124.
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 0.6 * 88.4, ageYears: 30, sex: 'female' }).value, 124)
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 6 * 88.4, ageYears: 70, sex: 'male' }).stage.code, 'G5')
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 88.4, ageYears: 16, sex: 'male' }), null)
  assert.equal(egfrCkdEpi2021({ creatinineUmol: 88.4, ageYears: 40 }), null)
  assert.deepEqual([95, 75, 50, 35, 20, 10].map((v) => ckdStage(v).code), ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5'])
})

test('CHA2DS2-VASc counts each factor once and advises by sex-adjusted thresholds', () => {
  const none = { heartFailure: false, hypertension: false, diabetes: false, strokeOrTia: false, vascularDisease: false }
  assert.deepEqual(cha2ds2vasc({ ...none, ageYears: 50, sex: 'male' }), { score: 0, advice: '无需抗凝治疗' })
  assert.deepEqual(cha2ds2vasc({ ...none, ageYears: 50, sex: 'female' }), { score: 1, advice: '无需抗凝治疗' })
  assert.deepEqual(cha2ds2vasc({ ...none, hypertension: true, ageYears: 50, sex: 'male' }), { score: 1, advice: '应考虑口服抗凝治疗' })
  assert.equal(cha2ds2vasc({ ...none, ageYears: 70, sex: 'female' }).score, 2)
  assert.equal(cha2ds2vasc({ ...none, ageYears: 80, sex: 'male' }).advice, '推荐口服抗凝治疗')
  const all = { heartFailure: true, hypertension: true, diabetes: true, strokeOrTia: true, vascularDisease: true }
  assert.equal(cha2ds2vasc({ ...all, ageYears: 80, sex: 'female' }).score, 9)
  assert.equal(cha2ds2vasc({ ...none, sex: 'male' }), null)
})

test('acute GvHD organ stages and the MAGIC overall grade', () => {
  assert.deepEqual([0, 10, 25, 50, 60].map((p) => skinStage(p)), [0, 1, 2, 2, 3])
  assert.equal(skinStage(80, true), 4)
  // Bilirubin thresholds 2 / 3 / 6 / 15 mg/dL in µmol/L.
  assert.deepEqual([20, 34.2, 60, 120, 300].map(liverStage), [0, 1, 2, 3, 4])
  assert.deepEqual([200, 500, 1200, 2000].map((v) => lowerGiStage(v)), [0, 1, 2, 3])
  assert.equal(lowerGiStage(200, true), 4)
  assert.equal(gvhdGrade({ skin: 0, liver: 0, upperGi: 0, lowerGi: 0 }).grade, 0)
  assert.equal(gvhdGrade({ skin: 2, liver: 0, upperGi: 0, lowerGi: 0 }).text, 'I度')
  assert.equal(gvhdGrade({ skin: 3, liver: 0, upperGi: 0, lowerGi: 0 }).grade, 2)
  assert.equal(gvhdGrade({ skin: 1, liver: 0, upperGi: 1, lowerGi: 0 }).grade, 2)
  assert.equal(gvhdGrade({ skin: 2, liver: 2, upperGi: 0, lowerGi: 0 }).grade, 3)
  assert.equal(gvhdGrade({ skin: 0, liver: 0, upperGi: 1, lowerGi: 3 }).grade, 3)
  assert.equal(gvhdGrade({ skin: 4, liver: 0, upperGi: 0, lowerGi: 0 }).text, 'IV度')
  assert.equal(gvhdGrade({ skin: 0, liver: 0, upperGi: 0, lowerGi: 4 }).grade, 4)
  assert.equal(gvhdGrade({ skin: 5, liver: 0, upperGi: 0, lowerGi: 0 }), null)
})
