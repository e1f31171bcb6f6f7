#!/usr/bin/env bash
# RabbitMQ as a local process on loopback with its own node name, cookie, epmd port and data under .data/rabbitmq.
set -euo pipefail
. "$(dirname "$0")/env.sh"
RDIR="$DATA/rabbitmq"
RBIN=/usr/lib/rabbitmq/bin
mkdir -p "$RDIR/mnesia" "$RDIR/home"

export HOME="$RDIR/home"
export RABBITMQ_NODENAME="${RABBIT_NODENAME:-platform@localhost}"
# Schedulers that sleep instead of spinning when idle: on a small machine the broker otherwise burns CPU the services
# and tests need (Erlang's default busy-wait suits a dedicated host).
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$AMQP_PORT"
export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
export ERL_EPMD_PORT="$EPMD_PORT"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$RDIR/mnesia"
export RABBITMQ_LOG_BASE="$LOGS"
export RABBITMQ_CONFIG_FILE="$RDIR/rabbitmq"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RDIR/enabled_plugins"
export RABBITMQ_ADVANCED_CONFIG_FILE="$RDIR/advanced.config"
# rabbitmq_tracing writes the messages of a traced virtual host here (./platform test traces every run's messages so
# they can be scanned for personal identifiers afterwards).
TRACE_DIR="$DATA/rabbitmq-tracing"
export RABBITMQ_PID_FILE="$RUN/rabbitmq.pid"
# RABBIT_MANAGEMENT=off: a bare node (a test's private broker, which needs no HTTP API and boots faster without it).
MANAGEMENT="${RABBIT_MANAGEMENT:-on}"
if [ "$MANAGEMENT" = on ]; then export RABBITMQ_ENABLED_PLUGINS="rabbitmq_management,rabbitmq_tracing"; else unset RABBITMQ_ENABLED_PLUGINS; fi

write_config() {
  cat > "$RDIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
loopback_users = none
default_user = $RABBIT_USER
default_pass = $RABBIT_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = warning
disk_free_limit.absolute = 200MB
CONF
  # The management keys are known to the broker only with its plugin enabled.
  [ "$MANAGEMENT" = on ] && printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$RABBIT_MGMT_PORT" >> "$RDIR/rabbitmq.conf"
  if [ "$MANAGEMENT" = on ]; then echo "[rabbitmq_management,rabbitmq_tracing]." > "$RDIR/enabled_plugins"; else echo "[]." > "$RDIR/enabled_plugins"; fi
  # The tracing plugin has no rabbitmq.conf keys; its folder and the account its tracer connects with go here.
  mkdir -p "$TRACE_DIR"
  cat > "$RDIR/advanced.config" <<ADVANCED
[{rabbitmq_tracing, [{directory, "$TRACE_DIR"}, {username, <<"$RABBIT_USER">>}, {password, <<"$RABBIT_PASSWORD">>}]}].
ADVANCED
  [ -f "$HOME/.erlang.cookie" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$HOME/.erlang.cookie"; chmod 400 "$HOME/.erlang.cookie"; }
}

running() { "$RBIN/rabbitmqctl" -q status >/dev/null 2>&1; }

# A broker started before the tracing plugin was added to this script gets it without a restart.
enable_tracing_online() {
  [ "$MANAGEMENT" = on ] || return 0
  "$RBIN/rabbitmq-plugins" -q is_enabled rabbitmq_tracing >/dev/null 2>&1 && return 0
  "$RBIN/rabbitmq-plugins" -q enable --online rabbitmq_tracing >/dev/null
  "$RBIN/rabbitmqctl" -q eval "application:set_env(rabbitmq_tracing, directory, \"$TRACE_DIR\"),
    application:set_env(rabbitmq_tracing, username, <<\"$RABBIT_USER\">>),
    application:set_env(rabbitmq_tracing, password, <<\"$RABBIT_PASSWORD\">>)." >/dev/null
}

case "${1:-start}" in
  start)
    write_config
    running && { enable_tracing_online; exit 0; }
    nohup "$RBIN/rabbitmq-server" > "$LOGS/rabbitmq.out" 2>&1 &
    echo $! > "$RUN/rabbitmq.launcher.pid"
    "$RBIN/rabbitmqctl" -q wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null
    [ "$MANAGEMENT" = on ] || exit 0
    # Wait for the management listener too: tests create a vhost per run through its HTTP API.
    for _ in $(seq 1 60); do
      curl -sf -u "$RABBIT_USER:$RABBIT_PASSWORD" "http://127.0.0.1:$RABBIT_MGMT_PORT/api/overview" >/dev/null && exit 0
      sleep 1
    done
    echo "rabbitmq management API did not come up" >&2; exit 1
    ;;
  stop)
    running && "$RBIN/rabbitmqctl" -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
    # epmd on our private port outlives the node (it runs as `epmd -daemon`, port only in its environment); stop it too.
    ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1 || true
    ;;
  status) running ;;
  ctl) shift; "$RBIN/rabbitmqctl" "$@" ;;
  *) echo "usage: rabbitmq.sh start|stop|status|ctl ..." >&2; exit 2 ;;
esac
