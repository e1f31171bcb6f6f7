# Every process `./platform up` starts, one line each: name|port|kind|path|database|health path
#   kind dotnet: path is the project folder; kind node: path is a folder with package.json (npm start).
#   database: the PostgreSQL database the service owns ("-" for none); routes: the nginx /api/<area>/ prefix is the name.
COMPONENTS=(
  "hospital|5102|dotnet|services/Hospital/Hospital.API|hospital|/health/ready"
  "notification|5112|dotnet|services/Notification/Notification.API|notification|/health/ready"
  "wechat|5120|dotnet|gateway/WeChat.Gateway|wechat|/health/ready"
  'his|5301|node|tests/Simulators/His|-|/$sim/health'
  'wechat-sim|5304|node|tests/Simulators/WeChat|-|/$sim/state'
)

component_field() { local IFS='|'; read -r -a f <<< "$1"; echo "${f[$2]}"; }

# PORT_OFFSET moves every component, so a second stack (e.g. a fresh clone) can run beside the first.
component_port() { echo $(( $(component_field "$1" 1) + ${PORT_OFFSET:-0} )); }
