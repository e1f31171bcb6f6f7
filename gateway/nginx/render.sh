#!/usr/bin/env bash
# Renders nginx.conf.template + routes.conf into $NGINX_DIR. Used by deploy/local/nginx.sh and the edge image.
# ROUTES: lines "area upstream" (e.g. "hospital 127.0.0.1:5102" or "hospital hospital:8080"); HUB_UPSTREAM likewise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${NGINX_DIR:?}" "${ROUTES:?}" "${HUB_UPSTREAM:?}" "${WECHAT_UPSTREAM:?}"
export LOGS="${LOGS:-/var/log/nginx}" EDGE_HOST="${EDGE_HOST:-0.0.0.0}" EDGE_PORT="${EDGE_PORT:-8080}"
export WEB_ROOT="${WEB_ROOT:-/usr/share/platform/web}" NGINX_MIME_TYPES="${NGINX_MIME_TYPES:-/etc/nginx/mime.types}"
export NGINX_USER_DIRECTIVE="${NGINX_USER_DIRECTIVE:-}" TLS_LISTEN="${TLS_LISTEN:-}" NGINX_DIR HUB_UPSTREAM WECHAT_UPSTREAM
# EDGE_HTTPS_ONLY=true (with TLS on): plain-HTTP requests are redirected to the TLS port.
HTTPS_REDIRECT=""
if [ "${EDGE_HTTPS_ONLY:-false}" = true ]; then
  : "${EDGE_TLS_PORT:?EDGE_HTTPS_ONLY needs EDGE_TLS_PORT}"
  HTTPS_REDIRECT="if (\$https = \"\") { return 308 https://\$host:${EDGE_TLS_PORT}\$request_uri; }"
fi
export HTTPS_REDIRECT
mkdir -p "$NGINX_DIR"/tmp/{body,proxy,fastcgi,uwsgi,scgi}
# An upstream may list several replicas, comma-separated ("127.0.0.1:5102,127.0.0.1:5502"): they become an upstream
# block that skips a dead replica (a refused connection, or a 502, is retried on the next one; nginx retries a
# non-idempotent request only when it was never sent). One address renders exactly as before.
EDGE_UPSTREAMS=""
pool() { # name servers [balancing]: sets TARGET to what proxy_pass names
  local name=$1 servers=$2 balancing=${3:-} s
  TARGET=$servers
  case "$servers" in *,*) ;; *) return ;; esac
  EDGE_UPSTREAMS+="    upstream $name {"$'\n'
  [ -n "$balancing" ] && EDGE_UPSTREAMS+="        $balancing"$'\n'
  for s in ${servers//,/ }; do EDGE_UPSTREAMS+="        server $s max_fails=1 fail_timeout=5s;"$'\n'; done
  EDGE_UPSTREAMS+="    }"$'\n'
  TARGET=$name
}
FAILOVER="proxy_next_upstream error timeout http_502; proxy_next_upstream_tries 2; proxy_next_upstream_timeout 10s;"
while read -r area upstream; do
  [ -n "$area" ] || continue
  pool "api_${area//-/_}" "$upstream"
  if [ "$TARGET" = "$upstream" ]; then printf 'location /api/%s/ { proxy_pass http://%s; }\n' "$area" "$upstream"
  else printf 'location /api/%s/ { proxy_pass http://%s; %s }\n' "$area" "$TARGET" "$FAILOVER"; fi
done <<< "$ROUTES" > "$NGINX_DIR/routes.conf"
# The hub's negotiate request and its WebSocket must reach the same replica (the connection lives in one process):
# hashed on the caller's token (header on negotiate, query string on the socket), so clients spread over replicas and
# a dead replica's clients reconnect to a live one. Anonymous clients share one replica.
pool hub_pool "$HUB_UPSTREAM" 'hash $hub_token consistent;'; HUB_UPSTREAM=$TARGET
pool wechat_pool "$WECHAT_UPSTREAM"; WECHAT_UPSTREAM=$TARGET
[ -n "$EDGE_UPSTREAMS" ] && EDGE_UPSTREAMS='    map $http_authorization $hub_token { "~^Bearer (?<t>.+)$" $t; default $arg_access_token; }'$'\n'"$EDGE_UPSTREAMS"
# MESH_LISTEN (with replicas): the services' entrance to one another, as a Kubernetes Service is to its pods. It has the
# same routes and failover but not the public server's refusal of /internal/ endpoints; it listens on loopback only.
if [ -n "${MESH_LISTEN:-}" ]; then
  EDGE_UPSTREAMS+="    server {
        listen ${MESH_LISTEN};
        proxy_http_version 1.1;
        proxy_set_header Host \$http_host;
        proxy_set_header traceparent \$edge_traceparent;
        proxy_set_header tracestate \$edge_tracestate;
        proxy_read_timeout 60s;
        include $NGINX_DIR/routes.conf;
        location / { return 404; }
    }
"
fi
export EDGE_UPSTREAMS HUB_UPSTREAM WECHAT_UPSTREAM
perl -pe 's/^[ \t]*\$\{EDGE_UPSTREAMS\}\n/$ENV{EDGE_UPSTREAMS}/; s/\$\{(\w+)\}/exists $ENV{$1} ? $ENV{$1} : $&/ge' \
  "$here/nginx.conf.template" > "$NGINX_DIR/nginx.conf"
