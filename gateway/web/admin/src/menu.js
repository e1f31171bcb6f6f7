import { markRaw } from 'vue'
import { Calendar, Link, ChatLineSquare, Document, EditPen, MapLocation, OfficeBuilding, Reading, Service, Tickets, User, Wallet } from '@element-plus/icons-vue'

// Entries without a page yet open the shared 建设中 panel at their own path.
export const MENU = [
  { key: 'departments', path: '/departments', label: '科室管理', icon: OfficeBuilding, page: () => import('./DepartmentsPage.vue') },
  { key: 'doctors', path: '/doctors', label: '医生管理', icon: User, comingSoon: true },
  { key: 'clinicians', path: '/clinicians', label: '医生账号关联', icon: Link, page: () => import('./clinicians/CliniciansPage.vue') },
  { key: 'queues', path: '/queues', label: '门诊队列指派', icon: Tickets, page: () => import('./queues/QueueAssignPage.vue') },
  { key: 'schedules', path: '/schedules', label: '排班与预约', icon: Calendar, page: () => import('./scheduling/SchedulePage.vue') },
  { key: 'payments', path: '/payments', label: '支付管理', icon: Wallet, page: () => import('./payments/PaymentsPage.vue') },
  { key: 'convenience', path: '/convenience', label: '便民服务', icon: Service, page: () => import('./convenience/ConveniencePage.vue') },
  { key: 'content', path: '/content', label: '内容管理', icon: Document, page: () => import('./content/ContentPage.vue') },
  { key: 'maps', path: '/maps', label: '楼层导航图', icon: MapLocation, page: () => import('./navigation/FloorMapsPage.vue') },
  { key: 'education', path: '/education', label: '健康宣教', icon: Reading, page: () => import('./education/ArticlesPage.vue') },
  { key: 'audit', path: '/audit', label: '修改记录', icon: Tickets, page: () => import('./content/AuditPage.vue') },
  { key: 'complaints', path: '/complaints', label: '投诉处理', icon: ChatLineSquare, page: () => import('./followup/ComplaintDeskPage.vue') },
  { key: 'surveys', path: '/surveys', label: '问卷与随访', icon: EditPen, page: () => import('./followup/SurveyAdminPage.vue') },
].map((item) => ({ ...item, icon: markRaw(item.icon) }))
