# The protocol simulators (tests/Simulators/<Name>): docker build -f deploy/docker/simulator.Dockerfile --build-arg SIMULATOR=His .
FROM node:20-bookworm-slim
ARG SIMULATOR
WORKDIR /sim
COPY tests/Simulators/${SIMULATOR}/ .
RUN npm ci --omit=dev --no-audit --no-fund
ENV PORT=8080
EXPOSE 8080
USER node
CMD ["node", "server.mjs"]
