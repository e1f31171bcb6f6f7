# Every process `./platform up` starts, one line each: name|port|kind|path|database|health path|settings
#   kind dotnet: path is the project folder, started from its Release build; kind node: `node server.mjs` in path.
#   database: the PostgreSQL database the service owns ("-" for none), passed as ConnectionStrings__<database>db.
#   dotnet services are routed by nginx at /api/<name>/ (his: the HIS adapter, reached by the HIS at /api/his/).
#   settings: space-separated KEY=VALUE for that process; {port} is its own port, {port:NAME} another component's,
#   {edge} the nginx edge's base URL, {root} the repository's folder.
COMPONENTS=(
  # Identity runs as Development on the local stack: that is the only environment where it seeds the demo accounts
  # (published passwords; appsettings.Development.json). Every other service runs as Production.
  'identity|5101|dotnet|services/Identity/Identity.API|identity|/health/ready|ASPNETCORE_ENVIRONMENT=Development Sms__BaseUrl=http://127.0.0.1:{port:sms} RealName__BaseUrl=http://127.0.0.1:{port:realname} Identity__Clients__his-adapter__Name=HIS接口 Identity__Clients__his-adapter__Secret=his-adapter-local-secret Identity__Clients__hisadapter__Name=HIS适配服务 Identity__Clients__hisadapter__Secret=hisadapter-local-secret Identity__Clients__hisadapter__Scopes__0=patient_identifiers Identity__Clients__notification__Name=消息服务 Identity__Clients__notification__Secret=notification-local-secret Identity__Clients__notification__Scopes__0=patient_identifiers Identity__Clients__payment__Name=支付服务 Identity__Clients__payment__Secret=payment-local-secret Identity__Clients__payment__Scopes__0=patient_identifiers Identity__Clients__reports__Name=报告服务 Identity__Clients__reports__Secret=reports-local-secret Identity__Clients__reports__Scopes__0=patient_identifiers Identity__Clients__consultation__Name=在线咨询服务 Identity__Clients__consultation__Secret=consultation-local-secret Identity__Clients__consultation__Scopes__0=patient_identifiers Identity__Clients__followup__Name=随访服务 Identity__Clients__followup__Secret=followup-local-secret Identity__Clients__followup__Scopes__0=patient_identifiers Security__WeChatUserIdKey=d2VjaGF0LXVzZXItaWQtZGV2LWtleS0zMmJ5dGVzISE='
  'hospital|5102|dotnet|services/Hospital/Hospital.API|hospital|/health/ready|Hospital__SeedDemoContent=true'
  'scheduling|5103|dotnet|services/Scheduling/Scheduling.API|scheduling|/health/ready|Scheduling__ConfirmWithoutPayment=false'
  'payment|5104|dotnet|services/Payment/Payment.API|payment|/health/ready|Payment__NotifyUrl={edge}/api/payment/notify/wechatpay Payment__WeChatPay__BaseAddress=http://127.0.0.1:{port:wechatpay-sim}/ Payment__WeChatPay__MerchantPrivateKeyFile={root}/deploy/local/wechatpay/merchant_private.pem Payment__WeChatPay__PlatformPublicKeyFile={root}/deploy/local/wechatpay/platform_public.pem PatientDirectory__ClientId=payment PatientDirectory__ClientSecret=payment-local-secret Payment__EInvoice__BaseAddress=http://127.0.0.1:{port:einvoice-sim}/ Payment__EInvoice__AppSecret=einvoice-local-secret Payment__Insurance__BaseAddress=http://127.0.0.1:{port:insurance-sim}/ Payment__Insurance__AppSecret=insurance-local-secret Payment__Insurance__PatientAppBaseUrl={edge}'
  'triage|5105|dotnet|services/Triage/Triage.API|triage|/health/ready|'
  'queue|5106|dotnet|services/Queue/Queue.API|queue|/health/ready|Queue__CheckInCodeKey=queue-local-check-in-code-signing-key-0123456789 Queue__HealthCardKey=queue-local-health-card-signing-key-0123456789 Endpoints__scheduling=http://127.0.0.1:{port:scheduling}'
  'reports|5107|dotnet|services/Reports/Reports.API|reports|/health/ready|Endpoints__his=http://127.0.0.1:{port:his} PatientDirectory__ClientId=reports PatientDirectory__ClientSecret=reports-local-secret'
  'pharmacy|5108|dotnet|services/Pharmacy/Pharmacy.API|pharmacy|/health/ready|Security__FieldEncryption__ActiveVersion=dev1 Security__FieldEncryption__Keys__dev1=cGhhcm1hY3ktZGV2LWZpZWxkLWtleS0zMmJ5dGVzISE= Pharmacy__Courier__BaseUrl=http://127.0.0.1:{port:courier-sim}/ Pharmacy__Courier__AppSecret=courier-local-secret Pharmacy__Courier__CallbackUrl={edge}/api/pharmacy/courier/callbacks'
  'consultation|5110|dotnet|services/Consultation/Consultation.API|consultation|/health/ready|Endpoints__his=http://127.0.0.1:{port:his} PatientDirectory__ClientId=consultation PatientDirectory__ClientSecret=consultation-local-secret Consultation__MediaSigningKey=Y29uc3VsdGF0aW9uLW1lZGlhLWxvY2FsLXNpZ25pbmcta2V5IQ== Consultation__DefaultTextFeeFen=2000 Consultation__DefaultFollowUpFeeFen=3000 Consultation__Turn__StunUrls__0=stun:127.0.0.1:'"$TURN_PORT"' Consultation__Turn__TurnUrls__0=turn:127.0.0.1:'"$TURN_PORT"'?transport=udp Consultation__Turn__TurnUrls__1=turn:127.0.0.1:'"$TURN_PORT"'?transport=tcp Consultation__Turn__Secret='"$TURN_SECRET"
  'followup|5109|dotnet|services/FollowUp/FollowUp.API|followup|/health/ready|Sms__BaseUrl=http://127.0.0.1:{port:sms} Endpoints__his=http://127.0.0.1:{port:his} PatientDirectory__ClientId=followup PatientDirectory__ClientSecret=followup-local-secret Security__FieldEncryption__ActiveVersion=dev1 Security__FieldEncryption__Keys__dev1=Zm9sbG93dXAtZGV2LWZpZWxkLWtleS0zMi1ieXRlcyE='
  'convenience|5111|dotnet|services/Convenience/Convenience.API|convenience|/health/ready|Convenience__HomeCareFromToday=true Security__FieldEncryption__ActiveVersion=dev1 Security__FieldEncryption__Keys__dev1=Y29udmVuaWVuY2UtZGV2LWZpZWxkLWtleS0zMmJ5dCE='
  'notification|5112|dotnet|services/Notification/Notification.API|notification|/health/ready|Sms__BaseUrl=http://127.0.0.1:{port:sms} Notification__PatientAppBaseUrl={edge} PatientDirectory__ClientId=notification PatientDirectory__ClientSecret=notification-local-secret Security__FieldEncryption__ActiveVersion=dev1 Security__FieldEncryption__Keys__dev1=bm90aWZpY2F0aW9uLWRldi1maWVsZC1rZXktMzJieXQ= Security__LookupHashKey=bm90aWZpY2F0aW9uLWRldi1sb29rdXAtaGFzaC1rMzI= Security__WeChatUserIdKey=d2VjaGF0LXVzZXItaWQtZGV2LWtleS0zMmJ5dGVzISE='
  'his|5113|dotnet|services/HisAdapter/HisAdapter.API|hisadapter|/health/ready|His__BaseUrl=http://127.0.0.1:{port:his-sim}/fhir His__TokenUrl=http://127.0.0.1:{port:his-sim}/auth/token His__CallbackBaseUrl=http://127.0.0.1:{port} PatientDirectory__ClientId=hisadapter PatientDirectory__ClientSecret=hisadapter-local-secret'
  'wechat|5120|dotnet|gateway/WeChat.Gateway|wechat|/health/ready|WeChat__ApiBaseUrl=http://127.0.0.1:{port:wechat-sim}/ WeChat__OpenBaseUrl=http://127.0.0.1:{port:wechat-sim}/ WeChat__H5BaseUrl={edge} Security__FieldEncryption__ActiveVersion=dev1 Security__FieldEncryption__Keys__dev1=d2VjaGF0LWdhdGV3YXktZGV2LWZpZWxkLWtleS0zMmI= Security__LookupHashKey=d2VjaGF0LWdhdGV3YXktZGV2LWxvb2t1cC1oYXNoLWs= Security__WeChatUserIdKey=d2VjaGF0LXVzZXItaWQtZGV2LWtleS0zMmJ5dGVzISE='
  'his-sim|5301|node|tests/Simulators/His|-|/$sim/health|HIS_PORT={port} HIS_PUSH_URL=http://127.0.0.1:{port:his}/api/his/pushes'
  'sms|5302|node|tests/Simulators/Sms|-|/$sim/health|'
  'realname|5303|node|tests/Simulators/RealName|-|/$sim/health|'
  'wechat-sim|5304|node|tests/Simulators/WeChat|-|/$sim/state|WECHAT_GATEWAY_URL=http://127.0.0.1:{port:wechat}'
  'wechatpay-sim|5305|node|tests/Simulators/WeChatPay|-|/$sim/health|WECHATPAY_PORT={port} WECHATPAY_PUBLIC_URL=http://127.0.0.1:{port}'
  'einvoice-sim|5306|node|tests/Simulators/EInvoice|-|/$sim/health|EINVOICE_PORT={port} EINVOICE_PUBLIC_URL=http://127.0.0.1:{port}'
  'insurance-sim|5307|node|tests/Simulators/Insurance|-|/$sim/health|INSURANCE_PORT={port}'
  'courier-sim|5308|node|tests/Simulators/Courier|-|/$sim/health|COURIER_PORT={port} COURIER_APP_SECRET=courier-local-secret COURIER_AUTO_STEP_MS=20000'
)

component_field() { local IFS='|'; read -r -a f <<< "$1"; echo "${f[$2]:-}"; }

# PLATFORM_REPLICAS=2 (./platform chaos): a second process of every .NET service, named <name>-r2, on its port +
# REPLICA_PORT_OFFSET; nginx balances each area over both. Left unset, the stack is one process per component.
REPLICA_PORT_OFFSET="${REPLICA_PORT_OFFSET:-400}"
replicas_on() { [ "${PLATFORM_REPLICAS:-1}" -ge 2 ]; }
if replicas_on; then
  # The services' own entrance to one another (nginx, loopback only), as a Kubernetes Service is to its pods.
  MESH_PORT="${MESH_PORT:-$((EDGE_PORT + 1))}"
  for c in "${COMPONENTS[@]}"; do
    [ "$(component_field "$c" 2)" = dotnet ] || continue
    IFS='|' read -r name port rest <<< "$c"
    COMPONENTS+=("$name-r2|$((port + REPLICA_PORT_OFFSET))|$rest")
  done
  unset name port rest
fi

# The service a process is a replica of: its name without the -r<N> suffix.
component_area() { local name; name=$(component_field "$1" 0); echo "${name%-r[0-9]}"; }
is_replica() { [ "$(component_area "$1")" != "$(component_field "$1" 0)" ]; }

# PORT_OFFSET moves every component, so a second stack (e.g. a fresh clone) can run beside the first.
component_port() { echo $(( $(component_field "$1" 1) + ${PORT_OFFSET:-0} )); }

# Where the other services reach a component: directly, or, with replicas, a .NET service through nginx's mesh
# listener, which skips a dead replica.
component_address() {
  if replicas_on && [ "$(component_field "$1" 2)" = dotnet ]; then echo "http://127.0.0.1:$MESH_PORT"
  else echo "http://127.0.0.1:$(component_port "$1")"; fi
}

is_dotnet() {
  local c
  for c in "${COMPONENTS[@]}"; do [ "$(component_field "$c" 0)" = "$1" ] && { [ "$(component_field "$c" 2)" = dotnet ]; return; }; done
  return 1
}

port_of() {
  local c
  for c in "${COMPONENTS[@]}"; do [ "$(component_field "$c" 0)" = "$1" ] && { component_port "$c"; return; }; done
  echo "unknown component $1" >&2; return 1
}

# The component's own settings with {port} and {port:NAME} filled in, one KEY=VALUE a line.
component_settings() {
  local c=$1 setting
  for setting in $(component_field "$c" 6); do
    if replicas_on; then
      # With replicas a .NET service is reached through nginx, which skips a killed replica: another service calls it
      # through the mesh (where /internal/ endpoints answer), an outside party (a simulator, or the callback address a
      # service hands one) through the public edge. Simulators themselves keep their direct addresses.
      local via=edge
      if [ "$(component_field "$c" 2)" = dotnet ]; then via=mesh; setting=${setting//http:\/\/127.0.0.1:\{port\}/\{edge\}}; fi
      while [[ $setting =~ http://127\.0\.0\.1:\{port:([a-z-]+)\} ]] && is_dotnet "${BASH_REMATCH[1]}"; do
        setting=${setting//${BASH_REMATCH[0]}/\{$via\}}
      done
      setting=${setting//\{mesh\}/http://127.0.0.1:$MESH_PORT}
    fi
    setting=${setting//\{port\}/$(component_port "$c")}
    setting=${setting//\{edge\}/http://$EDGE_HOST:$EDGE_PORT}
    setting=${setting//\{root\}/$ROOT}
    while [[ $setting =~ \{port:([a-z-]+)\} ]]; do
      setting=${setting//${BASH_REMATCH[0]}/$(port_of "${BASH_REMATCH[1]}")}
    done
    echo "$setting"
  done
}
