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
while read -r area upstream; do
  [ -n "$area" ] && printf 'location /api/%s/ { proxy_pass http://%s; }\n' "$area" "$upstream"
done <<< "$ROUTES" > "$NGINX_DIR/routes.conf"
perl -pe 's/\$\{(\w+)\}/exists $ENV{$1} ? $ENV{$1} : $&/ge' "$here/nginx.conf.template" > "$NGINX_DIR/nginx.conf"
