# syntax=docker/dockerfile:1
# The dashboard as a container: the standalone server (next.config.js `output: 'standalone'`), run as a non-root
# user, with a health check on /api/health. Build: docker build -t ai-shock-dashboard .
# (Not built on the development machines, which have no Docker engine; see README "Deploy".)

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only, so this layer is reused until package-lock.json changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The production build. Everything it needs is in the repository (the snapshot is embedded): no network.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# 3. What runs: the traced server and its static files, nothing else (no dev dependencies, no sources).
FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The image's built-in unprivileged user.
USER node
EXPOSE 3000
# Readiness, not just liveness: 503 while draining or without the snapshot; an unreachable Redis still answers 200.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains: Next.js stops accepting and finishes requests in flight; lib/server/shutdown.ts bounds the wait.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
