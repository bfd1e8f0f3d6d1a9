"""The commune's reporting profile and its recipients, with the two presets of
DOMAIN.md §12.3: the seed's 2024 structure and the one in force since 1/7/2025."""

from django.db import transaction

from reports.models import ReportingProfile, ReportKind, ReportRecipient

TO, COPY = ReportRecipient.Place.ADDRESSEE, ReportRecipient.Place.COPY
PERIODIC = (ReportKind.SIX_MONTH, ReportKind.ANNUAL)
EVENTS = (ReportKind.ACTION_MONTH, ReportKind.FORUM)


def _presets(commune, district: str) -> dict[str, dict[str, list[tuple[str, str]]]]:
    province = commune.province.name
    district = district or "…"
    level = "thị trấn" if commune.kind == "thi_tran" else "xã"
    copies_2024 = [
        "Như trên;",
        f"TT Đảng ủy, HĐND {level};",
        f"CT, PCT UBND {level};",
        "Lưu: VT, VHXH.",
    ]
    copies_2025 = [
        "Như trên;",
        "TT Đảng ủy, HĐND xã;",
        "CT, PCT UBND xã;",
        "Lưu: VT, VHXH.",
    ]
    labour_office = f"Phòng Lao động - Thương binh và Xã hội huyện {district}"
    return {
        ReportingProfile.Preset.DISTRICT_2024: {
            **{kind: [(TO, labour_office)] for kind in PERIODIC},
            **{kind: [(TO, f"Ủy ban nhân dân huyện {district}")] for kind in EVENTS},
            "_copies": [(COPY, line) for line in copies_2024],
        },
        ReportingProfile.Preset.PROVINCE_2025: {
            **{kind: [(TO, f"Sở Y tế tỉnh {province}")] for kind in PERIODIC},
            **{
                kind: [(TO, f"Ủy ban nhân dân tỉnh {province} (qua Sở Y tế)")]
                for kind in EVENTS
            },
            "_copies": [(COPY, line) for line in copies_2025],
        },
    }


@transaction.atomic
def preset_apply(commune, preset: str) -> ReportingProfile:
    """Replace the commune's recipients with a preset's; the profile remembers it."""
    profile, _ = ReportingProfile.objects.get_or_create(commune=commune)
    profile.preset = preset
    profile.save(update_fields=["preset"])
    chosen = _presets(commune, profile.former_district)[preset]
    ReportRecipient.objects.filter(commune=commune).delete()
    rows = []
    for kind in ReportKind.values:
        lines = [*chosen[kind], *chosen["_copies"]]
        rows += [
            ReportRecipient(
                commune=commune, kind=kind, place=place, text=text, order=order
            )
            for order, (place, text) in enumerate(lines)
        ]
    ReportRecipient.objects.bulk_create(rows)
    return profile


def profile_for(commune) -> ReportingProfile:
    """The commune's profile; the first use sets it up with the 2025 preset."""
    profile = ReportingProfile.objects.filter(commune=commune).first()
    if profile is None:
        profile = preset_apply(commune, ReportingProfile.Preset.PROVINCE_2025)
    return profile


def recipients(commune, kind: str) -> tuple[list[str], list[str]]:
    """("Kính gửi" lines, "Nơi nhận" lines) for a report of `kind`."""
    rows = ReportRecipient.objects.filter(commune=commune, kind=kind)
    addressed = [r.text for r in rows if r.place == TO]
    copies = [r.text for r in rows if r.place == COPY]
    return addressed, copies
