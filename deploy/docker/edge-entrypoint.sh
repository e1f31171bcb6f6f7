#!/bin/sh
# Renders the edge config from the same template as the local stack; upstreams are service names (compose or k8s DNS).
set -e
NGINX_DIR=/etc/platform-nginx/run LOGS=/var/log/nginx EDGE_HOST=0.0.0.0 EDGE_PORT=8080 \
WEB_ROOT=/usr/share/platform/web HUB_UPSTREAM="${HUB_UPSTREAM:-notification:8080}" WECHAT_UPSTREAM="${WECHAT_UPSTREAM:-wechat:8080}" \
ROUTES="${ROUTES:-$(for s in ${PLATFORM_SERVICES:-identity hospital scheduling payment triage queue reports pharmacy followup consultation convenience notification his wechat}; do echo "$s $s:8080"; done)}" \
  bash /etc/platform-nginx/render.sh
