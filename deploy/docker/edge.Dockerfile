# nginx at the edge with the three web apps built in: docker build -f deploy/docker/edge.Dockerfile .
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY gateway/web/ .
RUN npm ci --no-audit --no-fund && npm run build

FROM nginx:1.27-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends perl && rm -rf /var/lib/apt/lists/*
COPY gateway/nginx/ /etc/platform-nginx/
COPY --from=web /web/patient/dist /usr/share/platform/web/patient/dist
COPY --from=web /web/doctor/dist /usr/share/platform/web/doctor/dist
COPY --from=web /web/admin/dist /usr/share/platform/web/admin/dist
COPY deploy/docker/edge-entrypoint.sh /docker-entrypoint.d/40-platform.sh
EXPOSE 8080
CMD ["nginx", "-c", "/etc/platform-nginx/run/nginx.conf", "-g", "daemon off;"]
