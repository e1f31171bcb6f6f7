// Times travel as UTC ISO strings and are shown in China Standard Time.
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export function formatDateTime(value) {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return dateTimeFormat.format(date)
}

export function telHref(phone) {
  return `tel:${String(phone ?? '').replace(/[^0-9+]/g, '')}`
}

// ¥ and two decimals from integer fen (the Payment API's money): 5000 → "¥50.00", 1 → "¥0.01"; '' when not a number.
export function yuan(fen) {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return ''
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
