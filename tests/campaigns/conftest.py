"""Campaign fixtures: a June campaign of Ba Tơ, and photos kept in a temporary
MEDIA_ROOT."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.campaigns.factories import CampaignFactory

# Campaign tests run on a fixed day, after last June's campaign.
TODAY = datetime.date(2025, 7, 15)
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _today():
    morning = datetime.datetime(2025, 7, 15, 9, 0, tzinfo=VIETNAM)
    with time_machine.travel(morning, tick=False):
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def june(cast, places):
    """The 2025 Action Month of Ba Tơ, planned by its officer."""
    return CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        budget_state=10_000_000,
        budget_mobilised=5_000_000,
        budget_sponsor=2_000_000,
        status="running",
    )


def photo_file(name="anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
