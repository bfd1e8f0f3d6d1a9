"""One test with the real thing: a Celery worker process, the throwaway Redis as
broker, the test database, and WeasyPrint inside the worker."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from batochild.celery import app
from reports import services, tasks
from reports.models import GeneratedDocument
from tests.reports.pdf_checks import pdf_fonts, pdf_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker(settings, tmp_path):
    """A `celery worker` subprocess on the test database, stopped afterwards."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    settings.MEDIA_ROOT = tmp_path
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "batochild.settings.test",
    }
    celery = Path(sys.executable).with_name("celery")
    cmd = [
        celery,
        "-A",
        "batochild",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    process = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # The test process itself must send the task through Redis, not run it eagerly.
    app.conf.task_always_eager = False
    try:
        yield process
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        process.communicate(timeout=30)  # reaps the process and closes its pipe


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_pdf(cast, places, worker):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    document = services.document_request_test_page(
        requester=cast.officer, commune=places.commune
    )
    tasks.render_document.delay(document.pk)  # through the real broker

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.is_finished or worker.poll() is not None:
            break
        time.sleep(0.3)

    if document.status != GeneratedDocument.Status.READY:
        worker.terminate()
        pytest.fail(
            f"status {document.status}; worker said:\n{worker.communicate()[0][-3000:]}"
        )
    data = Path(settings.MEDIA_ROOT, document.file.name).read_bytes()
    assert data.startswith(b"%PDF-")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf_text(data)
    fonts = pdf_fonts(data)
    assert fonts
    assert not any("DejaVu" in name for name in fonts)
