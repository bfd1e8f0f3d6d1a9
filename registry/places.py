"""Loading the official list of communes (registry/data/, from NQ 1677/NQ-UBTVQH15)."""

import csv
from pathlib import Path

from django.db import transaction

from registry.models import Commune, Province

DATA_DIR = Path(__file__).resolve().parent / "data"
KIND_BY_LABEL = {
    "xã": Commune.Kind.XA,
    "phường": Commune.Kind.PHUONG,
    "đặc khu": Commune.Kind.DAC_KHU,
}


@transaction.atomic
def places_load_quang_ngai() -> int:
    """Create or update Quảng Ngãi's 96 commune-level units; returns how many.

    Idempotent: rows are matched on the administrative code. Settings an admin
    changed later (terrain, place name) are kept.
    """
    province, _ = Province.objects.get_or_create(
        code="51", defaults={"name": "Quảng Ngãi"}
    )
    count = 0
    with (DATA_DIR / "quang_ngai_communes_2025.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            Commune.objects.update_or_create(
                admin_code=row["gso_code_2025"],
                defaults={
                    "name": row["name_vi"],
                    "kind": KIND_BY_LABEL[row["type"]],
                    "province": province,
                    "predecessor_names": row["formed_from"],
                },
            )
            count += 1
    return count
