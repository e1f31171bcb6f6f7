// RFC 9457 problem details → what the user sees.
export class ApiError extends Error {
  constructor(status, problem) {
    // OAuth token endpoints answer { error, error_description } instead of a problem.
    const message = problem?.detail || problem?.title || problem?.error_description || fallbackTitle(status)
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem ?? null
    this.code = problem?.code ?? null
  }
}

const STATUS_TITLES = {
  0: '网络连接失败，请检查网络后重试',
  400: '提交的信息有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  422: '提交的信息有误，请检查后重试',
  429: '操作过于频繁，请稍后再试',
  500: '服务器开小差了，请稍后重试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
}

export function fallbackTitle(status) {
  return STATUS_TITLES[status] ?? (status >= 500 ? STATUS_TITLES[500] : '请求失败，请稍后重试')
}

// The message to show for any error: the problem's detail, else its title, else a generic one.
export function problemMessage(error) {
  if (error instanceof ApiError) return error.message
  return error?.message && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '操作失败，请稍后重试'
}

// Field errors keyed by camelCase field name with the messages joined, so "Name" and "name" both
// land beside the name input.
export function problemFieldErrors(error) {
  const errors = error instanceof ApiError ? error.problem?.errors : null
  if (!errors || typeof errors !== 'object') return {}
  const result = {}
  for (const [field, messages] of Object.entries(errors)) {
    const key = field.split('.').pop().replace(/^\w/, (c) => c.toLowerCase())
    const list = Array.isArray(messages) ? messages : [String(messages)]
    result[key] = [result[key], ...list].filter(Boolean).join('；')
  }
  return result
}
