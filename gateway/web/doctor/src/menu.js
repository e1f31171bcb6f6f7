import { markRaw } from 'vue'
import { ChatDotRound, House, Tickets } from '@element-plus/icons-vue'

// Entries without a page yet open the shared 建设中 panel at their own path.
export const MENU = [
  { key: 'workbench', path: '/workbench', label: '工作台', icon: House, page: () => import('./WorkbenchPage.vue') },
  { key: 'queue', path: '/queue', label: '叫号', icon: Tickets, page: () => import('./QueuePage.vue') },
  { key: 'consultation', path: '/consultation', label: '在线咨询', icon: ChatDotRound, comingSoon: true },
].map((item) => ({ ...item, icon: markRaw(item.icon) }))
