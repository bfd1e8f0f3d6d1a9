"""Reference data: the 54 ethnic groups and a starting list of risk categories.

The ethnic groups come from registry/data/ethnic_groups.csv (QĐ 121-TCTK/PPCĐ,
1979 codes; sources in that folder's README). The risk categories are the
"typical values" of DOMAIN.md §2.2, not law: the admin edits them.
"""

import csv
import re
import unicodedata
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "ethnic_groups.csv"

AT_RISK = [
    "Sống trong hộ nghèo, hộ cận nghèo",
    "Cha mẹ ly hôn",
    "Cha mẹ đi làm ăn xa, sống với ông bà",
    "Gia đình có người nghiện ma túy",
    "Gia đình có người nhiễm HIV",
    "Gia đình có người vi phạm pháp luật",
    "Có nguy cơ bỏ học",
    "Lao động sớm",
    "Có nguy cơ tảo hôn",
]
OTHER = ["Trẻ em dân tộc thiểu số vùng đặc biệt khó khăn", "Hoàn cảnh khác"]


def _key(text: str) -> str:
    # Same as batochild.lib.text.fold_compact, frozen here as migrations must be.
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"[\s\-'\u2019]", "", folded)


def load(apps, schema_editor):
    EthnicGroup = apps.get_model("registry", "EthnicGroup")
    RiskCategory = apps.get_model("registry", "RiskCategory")
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            variants = [v.strip() for v in row["spelling_variants"].split(";") if v.strip()]
            keys = {_key(row["name_vi"]), *(_key(v) for v in variants)}
            EthnicGroup.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name": row["name_vi"],
                    "other_names": row["other_names"],
                    "spelling_variants": row["spelling_variants"],
                    "match_keys": "|".join(sorted(keys)),
                },
            )
    for kind, names in (("at_risk", AT_RISK), ("other", OTHER)):
        for position, name in enumerate(names):
            RiskCategory.objects.get_or_create(
                kind=kind, name=name, defaults={"position": position}
            )


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_children")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
