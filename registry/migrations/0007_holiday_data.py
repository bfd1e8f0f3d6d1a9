"""The public holidays 2024-2027 from registry/data/holidays_vn.csv (each row
carries its legal basis and a confidence mark). 2027's Tết days are provisional:
the admin corrects them, and adds later years, as the government announces them."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "holidays_vn.csv"


def load(apps, schema_editor):
    PublicHoliday = apps.get_model("registry", "PublicHoliday")
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            PublicHoliday.objects.update_or_create(
                date=row["date"],
                defaults={
                    "name": row["name_vi"],
                    "kind": row["kind"],
                    "day_off": row["day_off"] == "1",
                    "legal_basis": row["legal_basis"][:250],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("registry", "0006_public_holidays")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
