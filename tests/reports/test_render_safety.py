"""A periodic report's PDF survives a worker dying mid-render: no half file under
a real name, and the report still gets made, once."""

import datetime
import os

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from reports import services as documents
from reports.models import GeneratedDocument
from reports.periodic import services

pytestmark = pytest.mark.django_db


def _files(folder: str) -> list[str]:
    root = default_storage.path(folder)
    return sorted(
        os.path.join(path, name)
        for path, _dirs, names in os.walk(root)
        for name in names
    )


def test_a_write_interrupted_before_the_rename_leaves_no_file(monkeypatch, tmp_path):
    def killed(*args):
        raise KeyboardInterrupt  # what a signal looks like in Python

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        default_storage.save("safety/half.pdf", ContentFile(b"%PDF-1.7 ..."))
    assert not default_storage.exists("safety/half.pdf")
    assert _files("safety") == []  # the temporary file was removed too


def test_a_render_whose_worker_died_is_made_later_and_only_once(cast, places):
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="six_month", year=2026
    )
    document = documents.document_request(
        requester=cast.officer,
        commune=places.commune,
        kind=GeneratedDocument.Kind.PERIODIC_REPORT,
        title="Báo cáo",
        subject_id=report.pk,
    )
    # A worker claimed it and died before storing anything.
    assert documents._claim(document.pk)
    document.refresh_from_db()
    assert (document.status, document.file.name) == ("rendering", "")
    assert documents.document_render(document_id=document.pk).status == "rendering"
    later = datetime.timedelta(minutes=6)
    with time_machine.travel(later):
        assert documents.requeue_stale_documents() == [document.pk]
        documents.document_render(document_id=document.pk)
        documents.document_render(document_id=document.pk)  # a duplicate delivery
    document.refresh_from_db()
    assert document.status == "ready"
    mine = [f for f in _files("documents") if str(document.code) in f]
    assert mine == [default_storage.path(document.file.name)]
    assert not [f for f in _files("documents") if ".part-" in f]
