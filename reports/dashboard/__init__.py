"""The chairman's and officer's dashboard and the province view (issue #8).

    figures.py    set-based figures by residential group and by month, with the
                  annex's own definitions (reports.indicators), and what is overdue
    rollups.py    rollup_refresh_commune(): compute and store a commune's rollups
                  (reports.models.DashboardRollup); beat refreshes every commune
    cards.py      the indicator cards, their targets and trends
    charts.py     server-rendered SVG charts, usable in pages and WeasyPrint PDFs
    selectors.py  the dashboard of one commune, read from the rollups
    drilldown.py  the lists behind the numbers (names only for those allowed)
    province.py   the province's communes side by side, de-identified; .xlsx

The pages read only rollups, the plan's targets and the short live worklist of
overdue items: a fixed number of queries whatever the commune's size.
"""
