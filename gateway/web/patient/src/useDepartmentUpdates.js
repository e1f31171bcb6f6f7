import { showNotify } from 'vant'
import { push } from './platform.js'

// Department pages: tell the user when a department changed and reload what is on screen;
// after a reconnect, reload too, since events may have been missed while offline.
export function useDepartmentUpdates({ refresh, isRelevant = () => true }) {
  push.useEvent('hospitalChanged', (change) => {
    if (change?.kind !== 'department' || !isRelevant(change)) return
    showNotify({ type: 'primary', message: `科室信息已更新：${change.name ?? ''}`, duration: 4000 })
    refresh()
  })
  push.useReconnected(() => refresh())
}
