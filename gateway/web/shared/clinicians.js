// 医生账号关联: which HIS practitioner a doctor or pharmacist account acts as (its practitioner_id claim).

export const CLINICIAN_ROLES = Object.freeze({ doctor: '医生', pharmacist: '药师' })

export function roleLabel(role) {
  return CLINICIAN_ROLES[role] ?? role ?? ''
}

// 「贾磊鑫 · 主任医师 · 心血管内科（D1029）」; an id alone when the directory has not heard of it yet.
export function practitionerLabel(practitioner, id) {
  if (!practitioner) return id ? `${id}（HIS 医生名录暂无此人）` : ''
  const parts = [practitioner.name, practitioner.title, (practitioner.departments ?? []).join('、')].filter(Boolean)
  const staffNo = practitioner.staffNumber ? `（${practitioner.staffNumber}）` : ''
  return parts.join(' · ') + staffNo
}

// Whether choosing `practitioner` for `account` would be refused because another account holds it.
export function linkedElsewhere(practitioner, accountId) {
  return Boolean(practitioner?.linkedAccountId && practitioner.linkedAccountId !== accountId)
}

export function cliniciansApi(api) {
  const q = (query) => (query?.trim() ? `?q=${encodeURIComponent(query.trim())}` : '')
  return {
    list: (query) => api.get(`/api/identity/admin/clinicians${q(query)}`),
    searchPractitioners: (query) => api.get(`/api/identity/admin/practitioners${q(query)}`),
    link: (accountId, practitionerId) =>
      api.put(`/api/identity/admin/clinicians/${accountId}/practitioner`, { practitionerId: practitionerId ?? null }),
    history: (accountId) => api.get(`/api/identity/admin/clinicians/${accountId}/practitioner-links`),
  }
}
