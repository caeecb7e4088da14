# The WhatsApp Web channel's Node.js sidecar, for Kubernetes (deploy/k8s/whatsapp-web.yaml), from the repository root:
#
#   docker build -f deploy/whatsapp-web-sidecar.Dockerfile -t wareg/whatsapp-web-sidecar:0.1.0-SNAPSHOT .
#
# The dependencies are installed from the committed package-lock.json (npm ci) in the full node image, which has
# the compilers a native module would need, and only they and src/ are copied into the slim one.
# compose.yaml needs no image: it mounts channels/whatsapp-web/sidecar, node_modules and all. Both stages are pinned
# to the same exact Node version (deploy/Dockerfile says how to pin digests too).
FROM node:20.18.1 AS build
WORKDIR /app
COPY channels/whatsapp-web/sidecar/package.json channels/whatsapp-web/sidecar/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20.18.1-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY channels/whatsapp-web/sidecar/package.json ./
COPY channels/whatsapp-web/sidecar/src ./src
# Any non-root user; the Kubernetes manifest runs it as 10001 with a read-only root file system. The session's keys
# live in Redis (WHATSAPP_WEB_AUTH=redis), so nothing is written here.
USER 10001:10001
EXPOSE 3000
CMD ["node", "src/main.js"]
