# The API for `docker compose up`; Neo4j runs as its own container (see docker-compose.yml).
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
USER node
EXPOSE 4000
CMD ["npx", "tsx", "src/main.ts"]
