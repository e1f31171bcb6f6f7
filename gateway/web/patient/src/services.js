// The patient services, organised by the rubric's five scenes. An entry whose page is not built
// yet is routed to the shared 建设中 page at its own path, so building it later changes no links.
export const SCENES = [
  {
    key: 'basic',
    title: '基础服务',
    services: [
      { key: 'register', label: '注册认证', icon: 'user-circle-o', path: '/account', ready: true },
      { key: 'hospital', label: '医院介绍', icon: 'hotel-o', path: '/hospital', ready: true },
      { key: 'departments', label: '科室介绍', icon: 'cluster-o', path: '/departments', ready: true },
      { key: 'doctors', label: '医生介绍', icon: 'manager-o', path: '/doctors', ready: true },
      { key: 'guide', label: '就医指南', icon: 'guide-o', path: '/guide', ready: true },
    ],
  },
  {
    key: 'pre-visit',
    title: '诊前',
    services: [
      { key: 'triage', label: '智能导诊', icon: 'aim', path: '/triage', ready: true },
      { key: 'health-profile', label: '健康档案', icon: 'notes-o', path: '/health-profile', ready: true },
      { key: 'screening', label: '诊前筛查', icon: 'shield-o', path: '/screening', ready: true },
      { key: 'booking', label: '预约挂号', icon: 'calendar-o', path: '/booking', ready: true },
      { key: 'exams', label: '检查预约', icon: 'records-o', path: '/exams', ready: true },
      { key: 'appointments', label: '我的预约', icon: 'todo-list-o', path: '/appointments', ready: true },
      { key: 'booking-notice', label: '预约须知', icon: 'info-o', path: '/booking-notice', ready: true },
    ],
  },
  {
    key: 'in-visit',
    title: '诊中',
    services: [
      { key: 'itinerary', label: '今日行程', icon: 'guide-o', path: '/itinerary', ready: true },
      { key: 'queue', label: '排队叫号', icon: 'clock-o', path: '/queue', ready: true },
      { key: 'health-card', label: '电子健康卡', icon: 'qr', path: '/health-card', ready: true },
      { key: 'waiting-info', label: '候诊信息', icon: 'bar-chart-o', path: '/waiting-info', ready: true },
      { key: 'reports', label: '报告查询', icon: 'description-o', path: '/reports', ready: true },
      { key: 'navigation', label: '院内导航', icon: 'location-o', path: '/navigation', ready: true },
      { key: 'convenience', label: '便民服务', icon: 'service-o', path: '/convenience', ready: true },
    ],
  },
  {
    key: 'post-visit',
    title: '诊后',
    services: [
      { key: 'survey', label: '满意度调查', icon: 'smile-comment-o', path: '/surveys', ready: true },
      { key: 'complaint', label: '投诉建议', icon: 'comment-o', path: '/complaints', ready: true },
      { key: 'follow-up', label: '随访', icon: 'phone-circle-o', path: '/follow-up', ready: true },
      { key: 'pharmacy', label: '处方与配送', icon: 'logistics', path: '/prescriptions', ready: true },
      { key: 'home-care', label: '医护到家', icon: 'home-o', path: '/convenience/home-care', ready: true },
      { key: 'chronic', label: '慢病管理', icon: 'chart-trending-o', path: '/chronic', ready: true },
    ],
  },
  {
    key: 'journey',
    title: '全程',
    services: [
      { key: 'payment', label: '在线缴费', icon: 'paid', path: '/payment', ready: true },
      { key: 'fees', label: '费用查询', icon: 'balance-list-o', path: '/fees', ready: true },
      { key: 'education', label: '健康宣教', icon: 'notes-o', path: '/education', ready: true },
      { key: 'consultation', label: '在线咨询', icon: 'chat-o', path: '/consultation', ready: true },
    ],
  },
]

export const COMING_SOON_SERVICES = SCENES.flatMap((scene) => scene.services).filter((service) => !service.ready)
