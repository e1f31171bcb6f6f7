#!/usr/bin/env bash
# nginx as a local process with its own prefix under .data/nginx, config rendered from gateway/nginx.
set -euo pipefail
. "$(dirname "$0")/env.sh"
. "$(dirname "$0")/components.sh"
NGINX_DIR="$DATA/nginx"
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
CONF="$NGINX_DIR/nginx.conf"

render() {
  mkdir -p "$NGINX_DIR"/tmp/{body,proxy,fastcgi,uwsgi,scgi}
  local user_directive="" tls_listen=""
  if [ "$(id -u)" -eq 0 ]; then
    # Workers drop to nobody; they only need to read the web apps and write their temp files.
    user_directive="user nobody nogroup;"
    chmod -R 777 "$NGINX_DIR/tmp"
  fi
  if command -v openssl >/dev/null 2>&1; then
    if [ ! -f "$NGINX_DIR/tls.crt" ]; then
      openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$NGINX_DIR/tls.key" -out "$NGINX_DIR/tls.crt" >/dev/null 2>&1
    fi
    tls_listen="listen ${EDGE_HOST}:${EDGE_TLS_PORT} ssl; ssl_certificate $NGINX_DIR/tls.crt; ssl_certificate_key $NGINX_DIR/tls.key; ssl_protocols TLSv1.2 TLSv1.3; ssl_prefer_server_ciphers on; ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;"
  fi
  local c routes="" hub="" wechat="" replica
  for c in "${COMPONENTS[@]}"; do
    [ "$(component_field "$c" 2)" = dotnet ] && ! is_replica "$c" || continue
    # An area's replicas (PLATFORM_REPLICAS) join its upstream, comma-separated.
    local servers="127.0.0.1:$(component_port "$c")"
    for replica in "${COMPONENTS[@]}"; do
      is_replica "$replica" && [ "$(component_area "$replica")" = "$(component_field "$c" 0)" ] && servers+=",127.0.0.1:$(component_port "$replica")"
    done
    routes+="$(component_field "$c" 0) $servers"$'\n'
    [ "$(component_field "$c" 0)" = notification ] && hub="$servers"
    [ "$(component_field "$c" 0)" = wechat ] && wechat="$servers"
  done
  local mesh=""; replicas_on && mesh="127.0.0.1:$MESH_PORT"
  MESH_LISTEN="$mesh" NGINX_DIR="$NGINX_DIR" LOGS="$LOGS" EDGE_HOST="$EDGE_HOST" EDGE_PORT="$EDGE_PORT" EDGE_TLS_PORT="$EDGE_TLS_PORT" WEB_ROOT="$ROOT/gateway/web" \
  ROUTES="$routes" HUB_UPSTREAM="$hub" WECHAT_UPSTREAM="$wechat" NGINX_USER_DIRECTIVE="$user_directive" TLS_LISTEN="$tls_listen" \
    "$ROOT/gateway/nginx/render.sh"
  "$NGINX_BIN" -t -q -p "$NGINX_DIR" -c "$CONF" -g "daemon on;" 2>>"$LOGS/nginx-error.log" || {
    echo "nginx 配置无效，见 $LOGS/nginx-error.log" >&2; exit 1; }
}

running() { [ -f "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; }

case "${1:-start}" in
  start)
    render
    if running; then "$NGINX_BIN" -p "$NGINX_DIR" -c "$CONF" -s reload; else "$NGINX_BIN" -p "$NGINX_DIR" -c "$CONF"; fi
    ;;
  stop) running && "$NGINX_BIN" -p "$NGINX_DIR" -c "$CONF" -s quit || true ;;
  status) running ;;
  *) echo "usage: nginx.sh start|stop|status" >&2; exit 2 ;;
esac
