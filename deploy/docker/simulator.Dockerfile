# The protocol simulators (tests/Simulators/<Name>): docker build -f deploy/docker/simulator.Dockerfile --build-arg SIMULATOR=His .
FROM node:20-bookworm-slim
ARG SIMULATOR
WORKDIR /sim
# The e-invoice platform draws its PDF receipts in Chinese.
RUN if [ "$SIMULATOR" = "EInvoice" ]; then apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
      && rm -rf /var/lib/apt/lists/*; fi
COPY tests/Simulators/${SIMULATOR}/ .
RUN npm ci --omit=dev --no-audit --no-fund
ENV PORT=8080
EXPOSE 8080
USER node
CMD ["node", "server.mjs"]
