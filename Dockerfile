# syntax=docker/dockerfile:1
# Jorge Bots service image. Build: docker build -t jorge-bots .  Run: see docs/DEPLOYMENT.md.
# The base image is pinned by its full tag; bump it deliberately (engines in package.json: >=20.19).

# --- Stage 1: bundle the TypeScript sources (npm run build: esbuild) ------------------------------
# The bundle loads about 1 s of CPU faster than running the sources through tsx at every start.
# It is written to dist/app/bin/, three levels below /app like src/adapters/<x>/, so the paths the
# code resolves from its own location (migrations/, skills/, data-samples/) point at the same
# directories (test/deploy/migrate-command.test.ts starts the bundle to prove it).
FROM node:20.20.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# --- Stage 2: production dependencies only ----------------------------------------------------------
FROM node:20.20.0-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- Optional target fake-ghl: the fake GoHighLevel of the local end-to-end stack -------------------
# docker-compose.yml builds it (target: fake-ghl, profile "local"); `docker build .` never does, and
# nothing of it reaches the service image below. It is the test suite's fake GHL API
# (test/support/fakes) with its runner scripts/fake-ghl.ts, bundled into one file that needs only node.
FROM build AS fake-ghl-build
COPY scripts/fake-ghl.ts ./scripts/
COPY test/support/fakes ./test/support/fakes
RUN npm run build:fake-ghl

FROM node:20.20.0-bookworm-slim AS fake-ghl
WORKDIR /fake
COPY --from=fake-ghl-build --chown=root:root /app/dist/fake-ghl/fake-ghl.mjs ./
USER 1000:1000
EXPOSE 4010
ENTRYPOINT ["node", "fake-ghl.mjs"]
CMD ["--host=0.0.0.0", "--port=4010"]

# --- Stage 3: runtime (the default target: the last stage) -----------------------------------------
FROM node:20.20.0-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json package-lock.json ./
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root migrations ./migrations
COPY --chown=root:root skills ./skills
COPY --chown=root:root data-samples ./data-samples
COPY --chown=root:root config ./config
# The embedded database (PGlite, used when DATABASE_URL is unset) and the loopback token key live here.
RUN mkdir -p /data && chown 1000:1000 /data
VOLUME ["/data"]

# The base image's unprivileged "node" user; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# SIGTERM stops taking requests, finishes the turns and sends in flight, then exits (src/main.ts).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and receives SIGTERM itself (npm would sit in between). Migrations: the same image
# with the command ["node", "dist/app/bin/migrate-main.mjs"] (docker-compose.yml, the Kubernetes Job).
CMD ["node", "dist/app/bin/main.mjs"]
