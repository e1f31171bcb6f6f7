import { createApp } from 'vue'
import {
  Badge,
  Button,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  Collapse,
  CollapseItem,
  Divider,
  Empty,
  Field,
  Form,
  Grid,
  GridItem,
  Icon,
  Loading,
  NavBar,
  NoticeBar,
  Overlay,
  Popup,
  Radio,
  RadioGroup,
  Search,
  Skeleton,
  Step,
  Steps,
  Switch,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
  Uploader,
} from 'vant'
import 'vant/lib/index.css'
import './styles.css'
import './elder.css'
import App from './App.vue'
import { router } from './router.js'
import { push } from './platform.js'
import { inbox, messageFromHospitalChange } from './messages.js'
import { startElderMode } from './elderMode.js'
import { watchDanglingAriaControls } from './danglingAriaControls.js'

const app = createApp(App)
for (const component of [
  Badge, Button, Cell, CellGroup, Checkbox, CheckboxGroup, Collapse, CollapseItem, Divider, Empty, Field, Form, Grid, GridItem, Icon,
  Loading, NavBar, NoticeBar, Overlay, Popup, Radio, RadioGroup, Search, Skeleton, Step, Steps, Switch, Tab, Tabbar, TabbarItem, Tabs, Tag, Uploader,
]) {
  app.use(component)
}
app.use(router)
startElderMode()

push.on('hospitalChanged', (change) => inbox.add(messageFromHospitalChange(change)))
push.start()

app.mount('#app')
watchDanglingAriaControls()
