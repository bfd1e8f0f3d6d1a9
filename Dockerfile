# Production image for batochild: one image runs the web process (gunicorn), the
# Celery worker, Celery beat and one-off management commands.
# docker-compose.yml shows how the pieces fit; docs/deployment.md explains the rest.
FROM python:3.11-slim-bookworm

# Runtime libraries for WeasyPrint 70 (Pango and HarfBuzz; without libharfbuzz-subset0
# WeasyPrint warns at import) and gettext for compilemessages. No font packages: the
# PDF font (Liberation Serif 2, full Vietnamese) ships with the app in static/fonts.
# --no-install-recommends keeps out fonts-liberation 1.x, which lacks Vietnamese letters.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        gettext \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=batochild.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/var/lib/batochild/media \
    WEB_CONCURRENCY=3

# An unprivileged user with a writable home: fontconfig keeps its cache there and
# gunicorn its control socket (~/.gunicorn).
RUN groupadd --system --gid 10001 batochild \
    && useradd --system --uid 10001 --gid batochild --create-home \
        --home-dir /home/batochild --shell /usr/sbin/nologin batochild

WORKDIR /app

# Dependencies first, so code changes do not reinstall them. Runtime pins only.
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir -r requirements/base.txt

# The code stays owned by root: the app user can read it but not change it.
COPY . .

# collectstatic and compilemessages import the production settings, which require
# DJANGO_SECRET_KEY. This throwaway value exists only in the environment of this one
# RUN step; it is not part of the image's environment and signs nothing at runtime.
ARG BUILD_ONLY_SECRET_KEY=build-only-not-a-secret
RUN DJANGO_SECRET_KEY="$BUILD_ONLY_SECRET_KEY" python manage.py collectstatic --no-input -v0 \
    && DJANGO_SECRET_KEY="$BUILD_ONLY_SECRET_KEY" python manage.py compilemessages -v0 \
    && mkdir -p /var/lib/batochild/media /var/lib/batochild/beat \
    && chown -R batochild:batochild /var/lib/batochild

# No VOLUME instruction (it would leave anonymous volumes behind one-off commands):
# docker-compose.yml mounts named volumes on these folders, and an empty named volume
# takes this ownership the first time it is mounted.

USER batochild:batochild
EXPOSE 8000

# Workers: WEB_CONCURRENCY (gunicorn reads it; 3 suits a 2-core host that also runs
# the Celery worker). Each worker process opens its own database connection pool on
# first use; do not add --preload together with anything that queries the database
# at import time, or forked workers would share the master's connections.
# The access log leaves out query strings and the Referer header: search terms can
# be children's names, and names must not reach the logs.
CMD ["gunicorn", "batochild.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--timeout", "60", \
     "--graceful-timeout", "30", \
     "--max-requests", "1000", \
     "--max-requests-jitter", "100", \
     "--access-logfile", "-", \
     "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(B)s %(M)sms"]
