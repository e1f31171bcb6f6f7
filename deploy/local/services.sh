# Start, stop and probe the platform's own processes (services and simulators). Sourced by ./platform.

component_pidfile() { echo "$RUN/$1.pid"; }

component_alive() {
  local pidfile; pidfile=$(component_pidfile "$1")
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

component_stop() {
  local name=$1 pidfile pid
  pidfile=$(component_pidfile "$name")
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

pg_connection() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$PG_USER;Password=$PG_PASSWORD;Maximum Pool Size=50"
}

amqp_uri() { echo "amqp://$RABBIT_USER:$RABBIT_PASSWORD@127.0.0.1:$AMQP_PORT/${1:-platform}"; }

# Settings every service receives; a component's own settings come from its appsettings.json.
service_environment() {
  local c=$1 name port db
  name=$(component_field "$c" 0); port=$(component_port "$c"); db=$(component_field "$c" 4)
  echo "ASPNETCORE_URLS=http://127.0.0.1:$port"
  echo "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
  echo "DOTNET_NOLOGO=1"
  # The local stack rebuilds a database left by the old SQL migrator (before the EF Core migrations) from scratch.
  echo "Persistence__RecreateLegacyDatabase=true"
  [ "$db" != "-" ] && echo "ConnectionStrings__${db}db=$(pg_connection "$db")"
  echo "ConnectionStrings__rabbitmq=$(amqp_uri platform)"
  echo "PLATFORM_EDGE_URL=http://$EDGE_HOST:$EDGE_PORT"
  # Every service trusts the Identity service's keys (JWKS), found through its discovery document.
  local other address
  for other in "${COMPONENTS[@]}"; do
    is_replica "$other" && continue
    address=$(component_address "$other")
    echo "Endpoints__$(component_field "$other" 0)=$address"
    [ "$(component_field "$other" 0)" = identity ] && echo "Auth__Authority=$address/api/identity"
  done
  component_settings "$c"
  # Under ./platform test every simulated patient arrives from the same loopback address, so per-client budgets
  # would throttle the test run itself; the limits are exercised by the services' own API tests.
  if [ "${PLATFORM_PROFILE:-}" = test ]; then
    echo "RateLimiting__PermitsPerMinute=100000"
    echo "RateLimiting__SensitivePermitsPerMinute=100000"
    echo "Identity__SmsCodes__PerRequesterPerHour=100000"
    echo "Identity__Lockout__SourceFailuresBeforeDelay=100000"
    # Browser tests register an account (one code) and then sign in or reset by SMS: a second code for the same number.
    echo "Identity__SmsCodes__ResendInterval=00:00:05"
  fi
}

component_start() {
  local c=$1 name port kind path db log
  name=$(component_field "$c" 0); port=$(component_port "$c"); kind=$(component_field "$c" 2)
  path=$(component_field "$c" 3); db=$(component_field "$c" 4)
  log="$LOGS/$name.log"
  component_stop "$name"
  local -a envs; mapfile -t envs < <(service_environment "$c")
  case "$kind" in
    dotnet)
      local project; project=$(basename "$path")
      local dir="$ROOT/$path/bin/Release/net10.0"
      [ -f "$dir/$project.dll" ] || { echo "missing build output $dir/$project.dll" >&2; return 1; }
      (cd "$dir" && exec setsid env "${envs[@]}" dotnet "$project.dll" >>"$log" 2>&1 < /dev/null) &
      ;;
    node)
      (cd "$ROOT/$path" && exec setsid env "${envs[@]}" PORT="$port" node server.mjs >>"$log" 2>&1 < /dev/null) &
      ;;
  esac
  echo $! > "$(component_pidfile "$name")"
}

component_healthy() {
  local c=$1
  curl -sf -m 3 "http://127.0.0.1:$(component_port "$c")$(component_field "$c" 5)" >/dev/null 2>&1
}

# Waits until every component answers its health check; names the first that does not.
wait_healthy() {
  local deadline=$((SECONDS + ${1:-180})) c pending
  while :; do
    pending=()
    for c in "${COMPONENTS[@]}"; do component_healthy "$c" || pending+=("$(component_field "$c" 0)"); done
    [ ${#pending[@]} -eq 0 ] && return 0
    for name in "${pending[@]}"; do
      component_alive "$name" || { echo "$name exited; see $LOGS/$name.log" >&2; tail -n 20 "$LOGS/$name.log" >&2; return 1; }
    done
    if [ $SECONDS -ge $deadline ]; then
      echo "not healthy in time: ${pending[*]} (logs: $LOGS/<name>.log)" >&2; return 1
    fi
    sleep 1
  done
}
