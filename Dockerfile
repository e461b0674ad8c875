# The API's production image (docker-compose.yml runs two of it behind a proxy, beside Neo4j).
# test/deploy/image.test.ts runs these instructions on a machine without Docker, as far as it can:
# keep every step a plain COPY, RUN, ENV or WORKDIR so that it stays checkable there.

# The Node of .nvmrc: CI and the test suite run on the same one.
ARG NODE_VERSION=24.21.0

# Build stage, with every dependency: `npm run build` compiles src/ to dist/ (tsconfig.build.json)
# with the pages' static files beside it, and copies the browser builds of the IDE's and the
# explorer's libraries (GraphiQL, React, cytoscape: devDependencies) into build/vendor/ under
# content-hashed names (scripts/build.ts).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build
# What the runtime stage takes of node_modules: the production dependencies, nothing to download.
RUN npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies and built JavaScript only; no TypeScript toolchain.
FROM node:${NODE_VERSION}-bookworm-slim
# tini as PID 1: it passes SIGTERM on to Node (whose drain-then-stop shutdown runs on it) and
# reaps zombies, which Node as PID 1 does not.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Also makes graphql-js and Express skip their development-time checks on every request.
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/build/vendor ./build/vendor
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
# The one folder the server may write to, as the unprivileged user: the cursor key when no
# CURSOR_SECRET is given (replicas must share one: docker-compose.yml sets it).
RUN mkdir -p .neo4j && chown node:node .neo4j
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
