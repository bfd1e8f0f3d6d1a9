"""Markdown tables from the results.jsonl of bench/run.sh (no Django needed).

python bench/report.py bench/results/<date>/results.jsonl
"""

import json
import sys
from pathlib import Path


def ms(us: float) -> str:
    return f"{us / 1000:.1f}"


def main(path: str) -> int:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    meta = next((r for r in rows if "commit" in r), {})
    out = []
    if meta:
        out.append(
            f"Commit {meta['commit']} ({meta.get('code', '')}), {meta['date']}, "
            f"{meta['cores']} cores, "
            f"PostgreSQL {meta['postgres']}; wrk {meta['threads']} threads, "
            f"{meta['connections']} connections, {meta['duration']} per page.\n"
        )
    phases = list(dict.fromkeys(r["phase"] for r in rows if "phase" in r))
    for phase in phases:
        mine = [r for r in rows if r.get("phase") == phase]
        sizes = {r["size"]: r["value"] for r in mine if "size" in r}
        generation = next((r for r in mine if "generate_seconds" in r), {})
        generated = generation.get("generate_seconds")
        shuffled = " (rows of all communes interleaved by CLUSTER)" * bool(
            generation.get("shuffled")
        )
        out.append(f"### {phase}\n")
        if sizes:
            out.append(
                f"Database: {sizes['children']:,} children, {sizes['households']:,} "
                f"households, {sizes['circumstances']:,} special circumstances, "
                f"{sizes['communes']:,} communes; {sizes['database_mb']:,} MB "
                f"(children table with indexes {sizes['child_table_mb']:,} MB). "
                f"Generated{shuffled} and vacuumed in {generated} s.\n"
            )
        explained = {r["explain"]["url"]: r["explain"] for r in mine if "explain" in r}
        out.append(
            "| page | req/s | p50 ms | p99 ms | /healthz just before: req/s, p50, p99 "
            "| page/healthz req/s | queries | DB ms | in-process ms | other CPU % |"
        )
        out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---|")
        for r in (r for r in mine if "wrk" in r):
            w, h = r["wrk"], r["healthz"]
            info = explained.get(r["path"], {}) if not r.get("header") else {}
            errors = ""
            if w["non_2xx_3xx"] or w["socket_errors"]:
                errors = (
                    f" ({w['non_2xx_3xx']} non-2xx, {w['socket_errors']} socket errors)"
                )
            out.append(
                f"| {r['page']}{errors} | {w['rps']:,.0f} | {ms(w['p50_us'])} "
                f"| {ms(w['p99_us'])} "
                f"| {h['rps']:,.0f}, {ms(h['p50_us'])}, {ms(h['p99_us'])} "
                f"| {w['rps'] / h['rps']:.3f} "
                f"| {info.get('queries', '')} | {info.get('db_ms', '')} "
                f"| {info.get('in_process_ms', '')} | {r.get('background_cpu', '')} |"
            )
        exports = [r["curl"] for r in mine if r.get("page") == "export"]
        if exports:
            times = ", ".join(f"{e['seconds']:.2f}" for e in exports)
            statuses = {e["status"] for e in exports}
            out.append(
                f"\nExport (`/children/export.xlsx`, {len(exports)} sequential "
                f"requests, status {', '.join(map(str, sorted(statuses)))}): "
                f"{times} s, {exports[-1]['bytes'] / 1024:,.0f} KB.\n"
            )
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
