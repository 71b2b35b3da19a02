# munshi: the WhatsApp expense tracker daemon. Current Node LTS on Debian bookworm, with Debian's
# Chromium (whatsapp-web.js drives it; puppeteer's own Chrome download is skipped), ffmpeg for voice
# notes, fonts for chart labels, and build tools: better-sqlite3 compiles from source when no
# prebuilt binary matches (arm64 Pis), and nodejs-whisper builds whisper.cpp on first use.
FROM node:22-bookworm-slim

ENV PUPPETEER_SKIP_DOWNLOAD=true \
    NODE_ENV=production \
    MUNSHI_DATA_DIR=/data \
    MUNSHI_CHROMIUM_PATH=/usr/bin/chromium \
    OLLAMA_HOST=http://ollama:11434

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      chromium ffmpeg fonts-dejavu-core ca-certificates tini \
      python3 make g++ cmake \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
# Runtime dependencies only (tsx is one: munshi runs its TypeScript directly).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .
RUN mkdir -p /data /app/models

# Runs as the container's root on purpose: Chromium's sandbox needs user namespaces that Docker's
# default seccomp profile withholds, and munshi starts Chromium with --no-sandbox exactly when it
# runs as root (transport/whatsapp/client.ts). The container itself is the sandbox.
VOLUME ["/data"]

HEALTHCHECK --interval=60s --timeout=10s --start-period=180s --retries=3 \
  CMD ["node", "deploy/healthcheck.mjs"]

ENTRYPOINT ["tini", "--"]
CMD ["node", "--import", "tsx", "src/main.ts"]
