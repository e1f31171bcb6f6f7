import { convenienceStaffApi } from '@shared/convenience.js'
import { api } from '../platform.js'

// Convenience API, staff part (docs/convenience-api.md).
export const convenienceAdmin = convenienceStaffApi(api)

// Asks for one line of text (a reason, a tracking number); null when the user cancels.
export async function ask(ElMessageBox, title, label, pattern) {
  try {
    const { value } = await ElMessageBox.prompt(label, title, {
      confirmButtonText: '确定', cancelButtonText: '取消', inputPattern: pattern ?? /\S/, inputErrorMessage: '请填写' + label.replace(/^请(填写|输入)?/, ''),
    })
    return value.trim()
  } catch {
    return null
  }
}
