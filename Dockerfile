# The API for `docker compose up`; Neo4j runs as its own container (see docker-compose.yml).

# Build stage, with every dependency: copies the browser builds of the IDE's and the explorer's
# libraries (GraphiQL, React, cytoscape: devDependencies) into build/vendor/ under content-hashed
# names (`npm run build`, scripts/buildVendor.ts).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies only (tsx stays one: the server runs through it).
FROM node:20-bookworm-slim
WORKDIR /app
# Also makes graphql-js and Express skip their development-time checks on every request.
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
COPY --from=build /app/build/vendor ./build/vendor
USER node
EXPOSE 4000
CMD ["npx", "tsx", "src/main.ts"]
