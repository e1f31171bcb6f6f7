/**
 * Departments of the demo hospital. campus: main (本部) or east (光谷院区); kind: clinical (takes
 * outpatient appointments), emergency, or tech (medical technology, signs reports).
 */
export const DEPARTMENTS = [
  ['nk', '内科', 'main', 'clinical', '门诊楼', 2, ['发热待查', '慢性病综合管理', '老年多病共存']],
  ['wk', '外科', 'main', 'clinical', '门诊楼', 3, ['腹腔镜微创手术', '疝与腹壁外科', '体表肿物切除']],
  ['ek', '儿科', 'main', 'clinical', '门诊楼', 1, ['小儿呼吸道感染', '儿童哮喘', '儿童生长发育']],
  ['fck', '妇产科', 'main', 'clinical', '门诊楼', 4, ['高危妊娠管理', '妇科腔镜手术', '宫颈疾病筛查']],
  ['yk', '眼科', 'east', 'clinical', '门诊楼', 3, ['白内障超声乳化', '青光眼', '儿童近视防控']],
  ['ebhk', '耳鼻喉科', 'east', 'clinical', '门诊楼', 3, ['鼻内镜手术', '慢性中耳炎', '嗓音疾病']],
  ['kqk', '口腔科', 'east', 'clinical', '门诊楼', 2, ['种植修复', '牙体牙髓治疗', '儿童口腔']],
  ['pfk', '皮肤科', 'east', 'clinical', '门诊楼', 2, ['银屑病', '湿疹与特应性皮炎', '痤疮']],
  ['zyk', '中医科', 'main', 'clinical', '门诊楼', 5, ['脾胃病调理', '针灸推拿', '失眠中医调治']],
  ['xxgnk', '心血管内科', 'main', 'clinical', '门诊楼', 3, ['冠心病介入治疗', '高血压规范管理', '心律失常射频消融']],
  ['hxnk', '呼吸内科', 'main', 'clinical', '门诊楼', 3, ['慢阻肺', '支气管哮喘', '肺结节随访']],
  ['xhnk', '消化内科', 'main', 'clinical', '门诊楼', 4, ['消化内镜诊疗', '炎症性肠病', '幽门螺杆菌根除']],
  ['sjnk', '神经内科', 'main', 'clinical', '门诊楼', 4, ['脑卒中防治', '帕金森病', '头痛与眩晕']],
  ['nfmk', '内分泌科', 'main', 'clinical', '门诊楼', 5, ['糖尿病及并发症', '甲状腺疾病', '骨质疏松']],
  ['sk', '肾内科', 'main', 'clinical', '门诊楼', 5, ['慢性肾脏病', '血液透析', 'IgA肾病']],
  ['zlk', '肿瘤科', 'east', 'clinical', '门诊楼', 4, ['肺癌综合治疗', '消化道肿瘤化疗', '肿瘤靶向治疗']],
  ['gk', '骨科', 'east', 'clinical', '门诊楼', 1, ['关节置换', '脊柱微创', '运动损伤']],
  ['mnwk', '泌尿外科', 'east', 'clinical', '门诊楼', 1, ['泌尿系结石', '前列腺疾病', '泌尿系肿瘤']],
  ['kfyxk', '康复医学科', 'east', 'clinical', '康复楼', 2, ['脑卒中康复', '骨科术后康复', '颈肩腰腿痛']],
  ['jzk', '急诊科', 'main', 'emergency', '急诊楼', 1, ['急危重症救治', '中毒救治', '创伤急救']],
  ['jyk', '检验科', 'main', 'tech', '医技楼', 2, ['临床生化', '临床免疫', '临床血液']],
  ['fsk', '放射科', 'main', 'tech', '医技楼', 1, ['CT诊断', '磁共振诊断', 'X线诊断']],
  ['csk', '超声科', 'main', 'tech', '医技楼', 3, ['腹部超声', '心脏超声', '浅表器官超声']],
].map(([code, name, campus, kind, building, floor, expertise]) => ({ code, name, campus, kind, building, floor, expertise }));

export const CAMPUSES = [
  {
    key: 'main', name: '本部院区', line: '解放大道1095号', district: '江岸区', postalCode: '430014',
    position: { longitude: 114.2739, latitude: 30.5928 }, phone: '027-82211000',
  },
  {
    key: 'east', name: '光谷院区', line: '高新大道666号', district: '洪山区', postalCode: '430074',
    position: { longitude: 114.4125, latitude: 30.4869 }, phone: '027-87655000',
  },
];

export const BUILDINGS = ['门诊楼', '住院楼', '医技楼', '急诊楼', '康复楼'];
