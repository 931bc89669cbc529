FROM node:20-bookworm-slim
# Chromium lays out the PDF exports (CHROMIUM_PATH); fonts so the pages are not blank boxes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation2 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=development \
    CHROMIUM_PATH=/usr/bin/chromium \
    HOST=0.0.0.0
EXPOSE 3000
CMD ["node", "server/dist/server/src/main.js"]
