# One image for all four newsflow services; compose picks the service with the command
# (`newsflow fetcher`, `newsflow cleaner`, `newsflow extractor`, `newsflow store`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsflow ./newsflow
COPY services ./services
COPY deploy/compile_extractor.py ./deploy/
# The extractor's rules are compiled with mypyc (needs a C compiler at build time only).
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install '.[compile]' \
    && python deploy/compile_extractor.py \
    && apt-get purge -y gcc libc6-dev && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app newsflow

COPY config ./config
USER newsflow
ENV NEWSFLOW_FEEDS_FILE=/app/config/feeds.yaml
CMD ["newsflow", "--help"]
