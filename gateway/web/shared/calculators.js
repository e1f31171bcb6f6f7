// Medical calculators of the doctor workstation (X09). Pure functions: inputs in the units Chinese clinics record
// (kg, cm, µmol/L), results rounded only for display by the caller. Each returns null when an input is missing or
// outside what the formula was validated for, never a misleading number.

const positive = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0

// BMI and the Chinese adult classification (WS/T 428-2013): <18.5 偏瘦, 18.5–23.9 正常, 24–27.9 超重, ≥28 肥胖.
export function bmi(weightKg, heightCm) {
  if (!positive(weightKg) || !positive(heightCm) || heightCm < 50 || heightCm > 250 || weightKg > 500) return null
  const value = weightKg / (heightCm / 100) ** 2
  const category = value < 18.5 ? '偏瘦' : value < 24 ? '正常' : value < 28 ? '超重' : '肥胖'
  return { value: Math.round(value * 10) / 10, category }
}

// Serum creatinine: 1 mg/dL = 88.4 µmol/L.
export const creatinineMgDl = (umolPerL) => umolPerL / 88.4

// eGFR by the CKD-EPI 2021 creatinine equation (race-free; Inker et al., NEJM 2021), mL/min/1.73 m², adults only.
export function egfrCkdEpi2021({ creatinineUmol, ageYears, sex }) {
  if (!positive(creatinineUmol) || !positive(ageYears) || ageYears < 18 || !['male', 'female'].includes(sex)) return null
  const scr = creatinineMgDl(creatinineUmol)
  const female = sex === 'female'
  const kappa = female ? 0.7 : 0.9
  const alpha = female ? -0.241 : -0.302
  const ratio = scr / kappa
  const value = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** ageYears * (female ? 1.012 : 1)
  return { value: Math.round(value), stage: ckdStage(value) }
}

// KDIGO GFR categories.
export function ckdStage(egfr) {
  if (egfr >= 90) return { code: 'G1', text: '正常或增高' }
  if (egfr >= 60) return { code: 'G2', text: '轻度下降' }
  if (egfr >= 45) return { code: 'G3a', text: '轻到中度下降' }
  if (egfr >= 30) return { code: 'G3b', text: '中到重度下降' }
  if (egfr >= 15) return { code: 'G4', text: '重度下降' }
  return { code: 'G5', text: '肾衰竭' }
}

// CHA₂DS₂-VASc stroke risk in atrial fibrillation (ESC): each factor's points; age counts once (≥75: 2, 65–74: 1).
export function cha2ds2vasc({ heartFailure, hypertension, ageYears, diabetes, strokeOrTia, vascularDisease, sex }) {
  if (typeof ageYears !== 'number' || !Number.isFinite(ageYears) || ageYears < 0 || !['male', 'female'].includes(sex)) return null
  const female = sex === 'female'
  const score = (heartFailure ? 1 : 0) + (hypertension ? 1 : 0) + (ageYears >= 75 ? 2 : ageYears >= 65 ? 1 : 0) + (diabetes ? 1 : 0)
    + (strokeOrTia ? 2 : 0) + (vascularDisease ? 1 : 0) + (female ? 1 : 0)
  // Female sex alone is a risk modifier, not a reason to anticoagulate: thresholds are one higher for women.
  const beyondSex = score - (female ? 1 : 0)
  const advice = beyondSex >= 2 ? '推荐口服抗凝治疗' : beyondSex === 1 ? '应考虑口服抗凝治疗' : '无需抗凝治疗'
  return { score, advice }
}

// Acute GvHD organ staging and overall grade by the MAGIC criteria (Harris et al., BBMT 2016), as haematology
// centres grade it. Bilirubin in µmol/L (1 mg/dL = 17.1 µmol/L); stool volume in mL/day for adults.
export function skinStage(bsaPercent, bullae = false) {
  if (typeof bsaPercent !== 'number' || bsaPercent < 0 || bsaPercent > 100) return null
  if (bsaPercent > 50 && bullae) return 4
  if (bsaPercent > 50) return 3
  if (bsaPercent >= 25) return 2
  if (bsaPercent > 0) return 1
  return 0
}

export function liverStage(bilirubinUmol) {
  if (typeof bilirubinUmol !== 'number' || bilirubinUmol < 0) return null
  const mgdl = bilirubinUmol / 17.1
  if (mgdl > 15) return 4
  if (mgdl > 6) return 3
  if (mgdl > 3) return 2
  if (mgdl >= 2) return 1
  return 0
}

export function lowerGiStage(stoolMlPerDay, severePainOrBleeding = false) {
  if (severePainOrBleeding) return 4
  if (typeof stoolMlPerDay !== 'number' || stoolMlPerDay < 0) return null
  if (stoolMlPerDay > 1500) return 3
  if (stoolMlPerDay >= 1000) return 2
  if (stoolMlPerDay >= 500) return 1
  return 0
}

export function gvhdGrade({ skin, liver, upperGi, lowerGi }) {
  if ([skin, liver, lowerGi].some((s) => !Number.isInteger(s) || s < 0 || s > 4) || ![0, 1].includes(upperGi)) return null
  if (skin === 4 || liver === 4 || lowerGi === 4) return { grade: 4, text: 'IV度' }
  if (liver >= 2 || lowerGi >= 2) return { grade: 3, text: 'III度' }
  if (skin === 3 || liver === 1 || upperGi === 1 || lowerGi === 1) return { grade: 2, text: 'II度' }
  if (skin >= 1) return { grade: 1, text: 'I度' }
  return { grade: 0, text: '无急性GVHD' }
}
