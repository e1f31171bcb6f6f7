import { createRouter, createWebHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import { COMING_SOON_SERVICES } from './services.js'
import { onUnauthorized } from './platform.js'
import { session } from './session.js'

const ComingSoonPage = () => import('./pages/ComingSoonPage.vue')
const account = (page) => () => import(`./pages/account/${page}.vue`)

// meta.auth: the page needs a signed-in account; others are open to everyone.
const routes = [
  { path: '/', name: 'home', component: HomePage, meta: { tab: true, title: '首页' } },
  { path: '/messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { tab: true, title: '消息' } },
  { path: '/mine', name: 'mine', component: () => import('./pages/MinePage.vue'), meta: { tab: true, title: '我的' } },
  { path: '/departments', name: 'departments', component: () => import('./pages/DepartmentsPage.vue'), meta: { title: '科室介绍' } },
  {
    path: '/departments/:id',
    name: 'department',
    component: () => import('./pages/DepartmentDetailPage.vue'),
    props: true,
    meta: { title: '科室详情' },
  },
  { path: '/hospital', name: 'hospital', component: () => import('./pages/HospitalPage.vue'), meta: { title: '医院介绍' } },
  { path: '/doctors', name: 'doctors', component: () => import('./pages/DoctorsPage.vue'), meta: { title: '找医生' } },
  { path: '/doctors/:id', name: 'doctor', component: () => import('./pages/DoctorDetailPage.vue'), props: true, meta: { title: '医生详情' } },
  { path: '/guide', name: 'guides', component: () => import('./pages/GuidesPage.vue'), props: { category: 'guide' }, meta: { title: '就医指南' } },
  {
    path: '/booking-notice',
    name: 'booking-notice',
    component: () => import('./pages/GuidesPage.vue'),
    props: { category: 'booking' },
    meta: { title: '预约须知' },
  },
  {
    path: '/guide/:guideKey',
    name: 'guide',
    component: () => import('./pages/GuideDetailPage.vue'),
    props: true,
    meta: { title: '指南详情' },
  },
  { path: '/navigation', name: 'navigation', component: () => import('./pages/navigation/NavigationPage.vue'), meta: { title: '院内导航' } },
  { path: '/education', name: 'education', component: () => import('./pages/education/EducationPage.vue'), meta: { title: '健康宣教' } },
  {
    path: '/education/:slug',
    name: 'education-article',
    component: () => import('./pages/education/ArticlePage.vue'),
    props: true,
    meta: { title: '健康宣教' },
  },
  { path: '/account', name: 'login', component: account('LoginPage'), meta: { title: '登录', guestOnly: true } },
  { path: '/account/wechat', name: 'wechat-login', component: account('WeChatLoginPage'), meta: { title: '微信登录' } },
  // The mini-program's web-view opens /handover?ticket=…&to=… to continue its session here.
  { path: '/handover', name: 'handover', component: account('HandoverPage'), meta: { title: '登录' } },
  { path: '/register', name: 'register', component: account('RegisterPage'), meta: { title: '注册', guestOnly: true } },
  { path: '/patients', name: 'patients', component: account('PatientsPage'), meta: { title: '就诊人管理', auth: true } },
  { path: '/patients/add', name: 'patient-add', component: account('AddPatientPage'), meta: { title: '实名认证', auth: true } },
  { path: '/mine/security', name: 'security', component: account('SecurityPage'), meta: { title: '安全设置', auth: true } },
  { path: '/mine/security/password', name: 'change-password', component: account('ChangePasswordPage'), meta: { title: '修改密码', auth: true } },
  { path: '/account/reset-password', name: 'reset-password', component: account('ResetPasswordPage'), meta: { title: '找回密码' } },
  { path: '/mine/agreements', name: 'agreements', component: account('AgreementsPage'), meta: { title: '协议与隐私', auth: true } },
  {
    path: '/mine/notifications',
    name: 'notification-settings',
    component: () => import('./pages/NotificationSettingsPage.vue'),
    meta: { title: '消息设置', auth: true },
  },
  { path: '/mine/close', name: 'close-account', component: account('CloseAccountPage'), meta: { title: '注销账号', auth: true } },
  { path: '/health-profile', name: 'health-profile', component: () => import('./pages/previsit/HealthProfilePage.vue'), meta: { title: '健康档案', auth: true } },
  { path: '/screening', name: 'screenings', component: () => import('./pages/previsit/ScreeningsPage.vue'), meta: { title: '诊前筛查', auth: true } },
  { path: '/screening/:id', name: 'screening', component: () => import('./pages/previsit/ScreeningPage.vue'), props: true, meta: { title: '诊前筛查', auth: true } },
  { path: '/triage', name: 'triage', component: () => import('./pages/triage/TriagePage.vue'), meta: { title: '智能导诊' } },
  { path: '/booking', name: 'booking', component: () => import('./pages/BookingPage.vue'), meta: { title: '预约挂号', auth: true } },
  { path: '/exams', name: 'exams', component: () => import('./pages/exams/ExamsPage.vue'), meta: { title: '检查预约', auth: true } },
  { path: '/waitlist', name: 'waitlist', component: () => import('./pages/offers/WaitlistPage.vue'), meta: { title: '我的候补', auth: true } },
  { path: '/offers/:id', name: 'offer', component: () => import('./pages/offers/OfferPage.vue'), props: true, meta: { title: '为您保留的号源', auth: true } },
  { path: '/appointments', name: 'appointments', component: () => import('./pages/appointments/AppointmentsPage.vue'), meta: { title: '我的预约', auth: true } },
  {
    path: '/appointments/:id',
    name: 'appointment',
    component: () => import('./pages/appointments/AppointmentPage.vue'),
    props: true,
    meta: { title: '预约详情', auth: true },
  },
  { path: '/payment', name: 'bills', component: () => import('./pages/payments/BillsPage.vue'), meta: { title: '在线缴费', auth: true } },
  { path: '/payment/insurance/:orderId', name: 'insurance-pay', component: () => import('./pages/payments/InsurancePayPage.vue'), meta: { title: '医保支付', auth: true } },
  { path: '/fees', name: 'fees', component: () => import('./pages/payments/FeesPage.vue'), meta: { title: '费用查询', auth: true } },
  { path: '/payments', name: 'payments', component: () => import('./pages/payments/PaymentsPage.vue'), meta: { title: '缴费记录', auth: true } },
  // Message-centre links (支付成功, 退款成功) open the record with that order brought into view.
  { path: '/payments/:orderId', name: 'payment', component: () => import('./pages/payments/PaymentsPage.vue'), meta: { title: '缴费记录', auth: true } },
  { path: '/queue', name: 'queue', component: () => import('./pages/queue/MyQueuePage.vue'), meta: { title: '我的排队', auth: true } },
  { path: '/itinerary', name: 'itinerary', component: () => import('./pages/queue/ItineraryPage.vue'), meta: { title: '今日行程', auth: true } },
  { path: '/waiting-info', name: 'waiting-info', component: () => import('./pages/queue/WaitingInfoPage.vue'), meta: { title: '候诊信息' } },
  // The waiting area's screen: full-screen, no sign-in, one per clinic area (e.g. /display/门诊楼2层).
  { path: '/display/:area', name: 'display', component: () => import('./pages/queue/DisplayBoardPage.vue'), props: true, meta: { title: '叫号大屏' } },
  // The clinic's QR code opens this page (WeChat's scanner or the camera app); signing in first keeps the code.
  { path: '/health-card', name: 'health-card', component: () => import('./pages/queue/HealthCardPage.vue'), meta: { title: '电子健康卡', auth: true } },
  { path: '/checkin', name: 'checkin', component: () => import('./pages/queue/CheckInPage.vue'), meta: { title: '扫码报到', auth: true } },
  // 处方查询 (R31), 出院带药 (R32), 药品配送 (R33), 合理用药提醒 (R34); message-centre links use /pharmacy/….
  { path: '/prescriptions', name: 'prescriptions', component: () => import('./pages/pharmacy/PrescriptionsPage.vue'), meta: { title: '处方与用药', auth: true } },
  { path: '/pharmacy', redirect: '/prescriptions' },
  { path: '/pharmacy/discharge', redirect: { path: '/prescriptions', query: { tab: 'discharge' } } },
  {
    path: '/pharmacy/delivery/new',
    name: 'delivery-new',
    component: () => import('./pages/pharmacy/DeliveryOrderPage.vue'),
    meta: { title: '药品配送', auth: true },
  },
  {
    path: '/pharmacy/deliveries/:id',
    name: 'delivery',
    component: () => import('./pages/pharmacy/DeliveryPage.vue'),
    props: true,
    meta: { title: '配送进度', auth: true },
  },
  { path: '/pharmacy/:prescriptionId', redirect: '/prescriptions' },
  // 便民服务 (R24, R38), 医护到家 (X04), 慢病管理 (X16); message-centre links use /convenience/orders/<id>,
  // /convenience/home-visits/<id> and /chronic, each with ?patientId=.
  { path: '/convenience', name: 'convenience', component: () => import('./pages/convenience/ConveniencePage.vue'), meta: { title: '便民服务', auth: true } },
  {
    path: '/convenience/book/:code',
    name: 'convenience-book',
    component: () => import('./pages/convenience/BookServicePage.vue'),
    props: true,
    meta: { title: '预订服务', auth: true },
  },
  {
    path: '/convenience/orders/:id',
    name: 'convenience-order',
    component: () => import('./pages/convenience/ServiceOrderPage.vue'),
    props: true,
    meta: { title: '服务订单', auth: true },
  },
  { path: '/convenience/home-care', name: 'home-care', component: () => import('./pages/convenience/HomeCarePage.vue'), meta: { title: '医护到家', auth: true } },
  {
    path: '/convenience/home-visits/:id',
    name: 'home-visit',
    component: () => import('./pages/convenience/HomeVisitPage.vue'),
    props: true,
    meta: { title: '上门服务', auth: true },
  },
  { path: '/chronic', name: 'chronic', component: () => import('./pages/convenience/ChronicPage.vue'), meta: { title: '慢病管理', auth: true } },
  // 报告查询 (R21): lists, the printed report (report-ready messages link /reports/<id>, critical values
  // /reports/critical/<HIS report id>), the trend of one item, records, 谁查看了我的病历 (X10); /shared/<token> is a
  // report a patient shared with a doctor outside the hospital (/shared#<token>: no sign-in, read-only).
  { path: '/reports', name: 'reports', component: () => import('./pages/reports/ReportsPage.vue'), meta: { title: '报告查询', auth: true } },
  { path: '/reports/access-log', name: 'access-log', component: () => import('./pages/reports/AccessLogPage.vue'), meta: { title: '谁查看了我的病历', auth: true } },
  {
    path: '/reports/critical/:hisId',
    name: 'critical-report',
    component: () => import('./pages/reports/ReportPage.vue'),
    props: true,
    meta: { title: '报告详情', auth: true },
  },
  {
    path: '/reports/trend/:patientId/:loinc',
    name: 'report-trend',
    component: () => import('./pages/reports/TrendPage.vue'),
    props: true,
    meta: { title: '指标趋势', auth: true },
  },
  { path: '/reports/:id', name: 'report', component: () => import('./pages/reports/ReportPage.vue'), props: true, meta: { title: '报告详情', auth: true } },
  {
    path: '/records/:patientId/:documentId',
    name: 'record',
    component: () => import('./pages/reports/DocumentPage.vue'),
    props: true,
    meta: { title: '病历资料', auth: true },
  },
  // 在线咨询 (B01 图文咨询, X01 互联网复诊): choose a doctor, describe the problem, pay, chat; message-centre links use
  // /consultation/<id>.
  { path: '/consultation', name: 'consultation', component: () => import('./pages/consultation/ConsultationHomePage.vue'), meta: { title: '在线咨询' } },
  {
    path: '/consultation/new',
    name: 'consultation-new',
    component: () => import('./pages/consultation/NewConsultationPage.vue'),
    meta: { title: '发起咨询', auth: true },
  },
  {
    path: '/consultation/:id',
    name: 'consultation-chat',
    component: () => import('./pages/consultation/ConsultationChatPage.vue'),
    props: true,
    meta: { title: '咨询详情', auth: true },
  },
  { path: '/shared', name: 'shared-report', component: () => import('./pages/reports/SharedReportPage.vue'), meta: { title: '患者分享的报告' } },
  // 满意度调查 (R25, R29), 投诉建议 (R26–R28), 随访问卷 (R30); message-centre links use /surveys/… and /complaints/….
  { path: '/surveys', name: 'surveys', component: () => import('./pages/followup/SurveysPage.vue'), meta: { title: '我的问卷', auth: true } },
  { path: '/surveys/:id', name: 'survey', component: () => import('./pages/followup/SurveyPage.vue'), props: true, meta: { title: '填写问卷', auth: true } },
  {
    path: '/follow-up',
    name: 'follow-up',
    component: () => import('./pages/followup/SurveysPage.vue'),
    props: { purpose: 'followup' },
    meta: { title: '随访问卷', auth: true },
  },
  { path: '/complaints', name: 'complaints', component: () => import('./pages/followup/ComplaintsPage.vue'), meta: { title: '投诉建议', auth: true } },
  { path: '/complaints/new', name: 'complaint-new', component: () => import('./pages/followup/ComplaintNewPage.vue'), meta: { title: '我要投诉', auth: true } },
  { path: '/complaints/:id', name: 'complaint', component: () => import('./pages/followup/ComplaintPage.vue'), props: true, meta: { title: '投诉详情', auth: true } },
  ...COMING_SOON_SERVICES.map((service) => ({
    path: service.path,
    name: `coming-${service.key}`,
    component: ComingSoonPage,
    meta: { title: service.label, comingSoon: true },
  })),
  { path: '/coming-soon', name: 'coming-soon', component: ComingSoonPage, meta: { title: '建设中', comingSoon: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (to, from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  session.sync()
  if (to.meta.auth && !session.signedIn.value) return { name: 'login', query: { redirect: to.fullPath } }
  if (to.meta.guestOnly && session.signedIn.value) return typeof to.query.redirect === 'string' && to.query.redirect.startsWith('/') ? to.query.redirect : '/patients'
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title && to.name !== 'home' ? `${to.meta.title} - 智慧医院` : '智慧医院'
})

// An API call answered 401 even after refreshing the tokens: sign out and ask for a new login.
onUnauthorized(() => {
  session.signOut()
  const current = router.currentRoute.value
  if (current.name !== 'login') router.replace({ name: 'login', query: { redirect: current.fullPath } })
})
