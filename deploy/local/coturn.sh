#!/usr/bin/env bash
# coturn (STUN/TURN for video consultations) as a local process on loopback, config and state under .data/coturn.
# Credentials are coturn's REST-API form: use-auth-secret with static-auth-secret = TURN_SECRET, the same secret
# Consultation signs each call's short-lived username/credential with (Consultation:Turn:Secret).
set -euo pipefail
. "$(dirname "$0")/env.sh"
TDIR="$DATA/coturn"
TURN_BIN="$(command -v turnserver || echo /usr/bin/turnserver)"
CONF="$TDIR/turnserver.conf"
PIDFILE="$RUN/coturn.pid"

write_config() {
  mkdir -p "$TDIR"
  # The secret is in the file, so only the owner may read it.
  ( umask 077
    cat > "$CONF" <<CONF
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$TURN_PORT
min-port=$TURN_RELAY_MIN_PORT
max-port=$TURN_RELAY_MAX_PORT
realm=platform.local
use-auth-secret
static-auth-secret=$TURN_SECRET
fingerprint
no-cli
no-tls
no-dtls
no-multicast-peers
allow-loopback-peers
userdb=$TDIR/turndb
pidfile=$PIDFILE
log-file=$LOGS/coturn.log
simple-log
no-stdout-log
CONF
  )
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

case "${1:-start}" in
  start)
    [ -x "$TURN_BIN" ] || { echo "未找到 turnserver（Debian 软件包 coturn），请先运行 deploy/local/install-prereqs.sh" >&2; exit 1; }
    write_config
    running && exit 0
    "$TURN_BIN" -c "$CONF" -o >>"$LOGS/coturn.out" 2>&1
    # -o daemonises; wait until it has written its pid and is listening.
    for _ in $(seq 1 50); do
      running && (exec 3<>"/dev/tcp/127.0.0.1/$TURN_PORT") 2>/dev/null && exit 0
      sleep 0.2
    done
    echo "coturn 未能在 127.0.0.1:$TURN_PORT 启动，见 $LOGS/coturn.log" >&2; exit 1
    ;;
  stop)
    if running; then
      pid=$(cat "$PIDFILE"); kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$PIDFILE"
    ;;
  status) running ;;
  *) echo "usage: coturn.sh start|stop|status" >&2; exit 2 ;;
esac
