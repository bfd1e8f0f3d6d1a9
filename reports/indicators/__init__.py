"""The statistical annex ("Biểu số liệu") of the periodic reports, as a reusable
indicator engine: the plan targets and the dashboards read the same figures.

    annex.compute_annex(commune=..., date_from=..., date_to=...) -> Annex
    smallcells.deidentify(annex) -> Annex          counts only, small cells hidden
    xlsx.annex_workbook(annex, title=...) -> bytes
    sentences.prefill_sections(annex, period_label=...) -> dict[str, str]

Every code, its definition and its source: codes.py and docs/indicators.md.
This package imports no model at import time (codes.py and structure.py are pure),
so models may refer to it.
"""
