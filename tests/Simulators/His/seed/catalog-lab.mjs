/**
 * Lab panels with LOINC-coded analytes, UCUM units and Chinese adult reference intervals.
 * critical: [LL below, HH above] panic limits that the lab phones through to the ward.
 */
const a = (loinc, name, unit, low, high, digits, critical, sexRanges) => ({ loinc, name, unit, low, high, digits, critical, sexRanges });

export const LAB_PANELS = [
  {
    code: 'CBC', loinc: '58410-2', name: '血常规', analytes: [
      a('6690-2', '白细胞计数', '10*9/L', 3.5, 9.5, 2, [1.5, 30]),
      a('789-8', '红细胞计数', '10*12/L', 4.3, 5.8, 2, undefined, { female: [3.8, 5.1] }),
      a('718-7', '血红蛋白', 'g/L', 130, 175, 0, [50, 200], { female: [115, 150] }),
      a('777-3', '血小板计数', '10*9/L', 125, 350, 0, [30, 1000]),
    ],
  },
  {
    code: 'LFT', loinc: '24325-3', name: '肝功能', analytes: [
      a('1742-6', '丙氨酸氨基转移酶', 'U/L', 9, 50, 0),
      a('1920-8', '天门冬氨酸氨基转移酶', 'U/L', 15, 40, 0),
      a('14631-6', '总胆红素', 'umol/L', 3.4, 20.5, 1),
    ],
  },
  {
    code: 'RFT', loinc: '24362-6', name: '肾功能', analytes: [
      a('14682-9', '肌酐', 'umol/L', 57, 111, 0, undefined, { female: [41, 81] }),
      a('22664-7', '尿素', 'mmol/L', 3.1, 8.0, 1),
      a('14933-6', '尿酸', 'umol/L', 208, 428, 0),
    ],
  },
  {
    code: 'ELEC', loinc: '24326-1', name: '电解质', analytes: [
      a('2823-3', '钾', 'mmol/L', 3.5, 5.3, 2, [2.8, 6.2]),
      a('2951-2', '钠', 'mmol/L', 137, 147, 0, [120, 160]),
      a('2075-0', '氯', 'mmol/L', 99, 110, 0),
      a('2000-8', '钙', 'mmol/L', 2.11, 2.52, 2, [1.75, 3.5]),
    ],
  },
  {
    code: 'GLU', loinc: '14749-6', name: '血糖+糖化血红蛋白', analytes: [
      a('14749-6', '空腹血糖', 'mmol/L', 3.9, 6.1, 1, [2.8, 22.2]),
      a('4548-4', '糖化血红蛋白', '%', 4.0, 6.0, 1),
    ],
  },
  {
    code: 'LIPID', loinc: '57698-3', name: '血脂四项', analytes: [
      a('14647-2', '总胆固醇', 'mmol/L', 2.8, 5.2, 2),
      a('14927-8', '甘油三酯', 'mmol/L', 0.45, 1.7, 2),
      a('22748-8', '低密度脂蛋白胆固醇', 'mmol/L', 1.5, 3.4, 2),
      a('14646-4', '高密度脂蛋白胆固醇', 'mmol/L', 1.04, 2.2, 2),
    ],
  },
  {
    code: 'CARD', loinc: '10839-9', name: '心肌标志物', analytes: [
      a('10839-9', '肌钙蛋白I', 'ng/mL', 0, 0.04, 3, [undefined, 0.5]),
      a('13969-1', '肌酸激酶同工酶', 'U/L', 0, 25, 0),
    ],
  },
];

export const PANELS_BY_DEPT = {
  xxgnk: ['CARD', 'LIPID', 'ELEC'], nfmk: ['GLU', 'LIPID'], sk: ['RFT', 'ELEC'], xhnk: ['LFT', 'CBC'],
  hxnk: ['CBC'], ek: ['CBC'], jzk: ['CBC', 'ELEC', 'CARD'], nk: ['CBC', 'LFT', 'RFT'], zlk: ['CBC', 'LFT'],
};

/** Showcase critical values, so every seed has panic results to act on (e.g. blood potassium 6.8 mmol/L). */
export const CRITICAL_CASES = [
  { panel: 'ELEC', loinc: '2823-3', value: 6.8, dept: 'sk' },
  { panel: 'GLU', loinc: '14749-6', value: 25.3, dept: 'nfmk' },
  { panel: 'CBC', loinc: '777-3', value: 22, dept: 'xhnk' },
  { panel: 'ELEC', loinc: '2823-3', value: 2.5, dept: 'xxgnk' },
  { panel: 'CARD', loinc: '10839-9', value: 2.35, dept: 'jzk' },
];
