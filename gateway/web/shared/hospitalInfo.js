// Hospital service: profile, doctors and guides as patients read them (rich text arrives as sanitised HTML).
export function hospitalInfoApi(api) {
  const query = (params) => {
    const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v))
    return search.size ? `?${search}` : ''
  }
  return {
    profile: (options) => api.get('/api/hospital/profile', options),
    guides: (category, options) => api.get(`/api/hospital/guides${query({ category })}`, options),
    guide: (key, options) => api.get(`/api/hospital/guides/${encodeURIComponent(key)}`, options),
    doctors: ({ q, department } = {}, options) => api.get(`/api/hospital/doctors${query({ q, department })}`, options),
    doctor: (id, options) => api.get(`/api/hospital/doctors/${encodeURIComponent(id)}`, options),
  }
}

export const GUIDE_CATEGORIES = Object.freeze([
  { key: 'guide', label: '就医指南' },
  { key: 'booking', label: '预约须知' },
])

export function formatFee(fen) {
  return typeof fen === 'number' ? `¥${(fen / 100).toFixed(fen % 100 ? 2 : 0)}` : ''
}

export function clinicLabel(clinic) {
  if (!clinic) return ''
  const [, month, day] = String(clinic.date).split('-')
  return `${Number(month)}月${Number(day)}日 ${clinic.weekday} ${clinic.period}`
}
