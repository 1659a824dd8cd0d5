# One image for all four newsflow services; compose picks the service with the command
# (`newsflow fetcher`, `newsflow cleaner`, `newsflow extractor`, `newsflow store`).
#
# Two stages: the first installs newsflow into a virtualenv and compiles the extractor's rules
# with mypyc (which needs mypy and a C compiler), the second copies only that virtualenv, so
# the image that runs has neither the compiler nor mypy nor the sources it was built from.

FROM python:3.11-slim AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1

RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY newsflow ./newsflow
COPY services ./services
COPY deploy/compile_extractor.py ./deploy/
# Compiled in place inside the virtualenv's site-packages; --require: a compiler was installed
# for this, so a failure stops the build instead of shipping a slower image. mypy and what only
# it needs go again afterwards (the compiled modules import none of them; pip check proves
# that nothing left depends on them).
RUN python -m venv /venv \
    && /venv/bin/pip install -q '.[compile]' \
    && /venv/bin/python deploy/compile_extractor.py --require \
    && /venv/bin/pip uninstall -q -y mypy librt mypy_extensions pathspec \
    && /venv/bin/pip check

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/venv/bin:$PATH \
    NEWSFLOW_FEEDS_FILE=/app/config/feeds.yaml

COPY --from=build /venv /venv
RUN useradd --system --home /app newsflow
WORKDIR /app
COPY config ./config
USER newsflow
CMD ["newsflow", "--help"]
