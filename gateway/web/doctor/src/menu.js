import { markRaw } from 'vue'
import { ChatDotRound, Cpu, Document, FirstAidKit, House, Tickets } from '@element-plus/icons-vue'

// Entries without a page yet open the shared 建设中 panel at their own path.
export const MENU = [
  { key: 'workbench', path: '/workbench', label: '工作台', icon: House, roles: ['doctor'], page: () => import('./WorkbenchPage.vue') },
  { key: 'queue', path: '/queue', label: '叫号', icon: Tickets, roles: ['doctor'], page: () => import('./QueuePage.vue') },
  // 患者报告: a patient's reports, detail and trends through the Reports API (care relationship required, every read audited).
  { key: 'patient-reports', path: '/patient-reports', label: '患者报告', icon: Document, roles: ['doctor'], page: () => import('./reports/PatientReportsPage.vue') },
  // 检查室、采血和取药窗口的叫号 (staff; pharmacists at the pick-up windows).
  { key: 'service-queue', path: '/service-queue', label: '检查/取药叫号', icon: Tickets, roles: ['staff', 'pharmacist'], page: () => import('./ServiceQueuePage.vue') },
  // 药师工作台 (role pharmacist): medication-safety alerts, delivery release, patients' questions, the drug knowledge base.
  { key: 'pharmacist', path: '/pharmacist', label: '药师工作台', icon: FirstAidKit, roles: ['pharmacist'], page: () => import('./PharmacistPage.vue') },
  // 在线咨询 (B01 图文咨询, X01 互联网复诊): the queue, the chat beside the 咨询单, e-prescriptions; X09 calculators.
  { key: 'consultation', path: '/consultation', label: '在线咨询', icon: ChatDotRound, roles: ['doctor'], page: () => import('./consultation/ConsultationPage.vue') },
  { key: 'calculators', path: '/calculators', label: '医学计算器', icon: Cpu, roles: ['doctor'], page: () => import('./consultation/CalculatorsPage.vue') },
].map((item) => ({ ...item, icon: markRaw(item.icon) }))
