// Hospital service: departments. Contract in gateway/web/README.md.
export function departmentsApi(api) {
  return {
    list: (options) => api.get('/api/hospital/departments', options),
    get: (id, options) => api.get(`/api/hospital/departments/${encodeURIComponent(id)}`, options),
    update: (id, { name, summary, phone, building, floor }) =>
      api.put(`/api/hospital/departments/${encodeURIComponent(id)}`, { name, summary, phone, building, floor }),
  }
}

export function departmentLocation(dept) {
  return [dept?.campus, dept?.building, dept?.floor].filter(Boolean).join(' · ')
}

export function departmentPlace(dept) {
  return [dept?.building, dept?.floor].filter(Boolean).join(' ') || '位置待更新'
}

// Groups departments by campus, keeping the campuses in first-seen order but 本部 first.
export function groupByCampus(departments) {
  const groups = new Map()
  for (const dept of departments) {
    const campus = dept.campus || '其他'
    if (!groups.has(campus)) groups.set(campus, [])
    groups.get(campus).push(dept)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => Number(b.startsWith('本部')) - Number(a.startsWith('本部')))
    .map(([campus, items]) => ({ campus, items }))
}

// Mirrors the server's rules so users learn of mistakes before saving.
export const DEPARTMENT_RULES = Object.freeze({
  nameMax: 50,
  summaryMax: 2000,
  phoneMax: 30,
  buildingMax: 50,
  floorMax: 20,
  phonePattern: /^[0-9-]+$/,
})

export function validateDepartment(form) {
  const errors = {}
  const name = (form.name ?? '').trim()
  if (!name) errors.name = '请填写科室名称'
  else if (name.length > DEPARTMENT_RULES.nameMax) errors.name = `科室名称不能超过 ${DEPARTMENT_RULES.nameMax} 个字`
  const phone = (form.phone ?? '').trim()
  if (phone && !DEPARTMENT_RULES.phonePattern.test(phone)) errors.phone = '电话只能包含数字和短横线'
  else if (phone.length > DEPARTMENT_RULES.phoneMax) errors.phone = `电话不能超过 ${DEPARTMENT_RULES.phoneMax} 个字符`
  if ((form.summary ?? '').length > DEPARTMENT_RULES.summaryMax)
    errors.summary = `简介不能超过 ${DEPARTMENT_RULES.summaryMax} 个字`
  if ((form.building ?? '').length > DEPARTMENT_RULES.buildingMax)
    errors.building = `楼宇不能超过 ${DEPARTMENT_RULES.buildingMax} 个字`
  if ((form.floor ?? '').length > DEPARTMENT_RULES.floorMax)
    errors.floor = `楼层不能超过 ${DEPARTMENT_RULES.floorMax} 个字`
  return errors
}
