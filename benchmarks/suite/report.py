"""The outputs of a run: the markdown report (RESULTS.md), every figure in benchmarks/out/results.json,
and the summary on stdout."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

from suite.common import RUN_SCRIPT, Config, Section, table


def machine_table(machine: dict[str, Any], code: dict[str, Any]) -> list[str]:
    v = machine["versions"]
    model = code["model"]
    return table(
        ["", ""],
        [
            (
                "CPU",
                f"{machine['cpu_model']} — {machine['logical_cpus']} logical CPUs ({machine['usable_cpus']} usable)",
            ),
            ("RAM", f"{machine['ram_gb']} GB"),
            (
                "load average",
                f"{' / '.join(map(str, machine['load_average_at_start']))} at start, "
                f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} at end (1/5/15 min)",
            ),
            ("OS", machine["platform"]),
            ("Python", machine["python"]),
            ("fanzha bytecode", machine.get("bytecode", "not recorded")),
            ("numpy", v["numpy"]),
            ("scikit-learn / scipy", f"{v['sklearn']} / {v['scipy']}"),
            ("phonenumbers / orjson", f"{v['phonenumbers']} / {v['orjson']}"),
            (
                "fanzha",
                f"{v['fanzha']}, git {machine['git_commit']}, src/fanzha sha256 {code['src_sha256']}…",
            ),
            (
                "model file",
                f"`{model.get('path')}` sha256 {model.get('sha256')}…, "
                f"{model.get('bytes', 0) / 1e6:.1f} MB, written {model.get('mtime')}",
            ),
        ],
    )


def change_warnings(code_before: dict[str, Any], code_after: dict[str, Any]) -> list[str]:
    """Warnings if the model file or the source changed during the run: under the machine table of a full
    run, under the title of each section an `--update` run measured."""
    lines = []
    model_after = code_after["model"]
    if code_before["model"] != model_after:
        lines += [
            f"> **Warning:** the model file changed during this run (now sha256 {model_after.get('sha256')}…, "
            f"written {model_after.get('mtime')}); figures may mix two models. Rerun.",
            "",
        ]
    # A commit during the run that leaves src/ as it was (a README, RESULTS.md) changes no figure.
    if code_before["src_sha256"] != code_after["src_sha256"]:
        lines += [
            f"> **Warning:** the fanzha source changed during this run (git {code_before['git_head']} → "
            f"{code_after['git_head']}, src sha256 {code_before['src_sha256']}… → {code_after['src_sha256']}…); "
            "in-process figures and subprocess figures may come from different code. Rerun.",
            "",
        ]
    return lines


def render(
    sections: list[Section],
    machine: dict[str, Any],
    code_before: dict[str, Any],
    code_after: dict[str, Any],
    cfg: Config,
    started: dt.datetime,
    total: float,
    argv: list[str],
) -> str:
    lines = [
        "# fanzha benchmark results",
        "",
        f"Written by `python benchmarks/{RUN_SCRIPT.name}{' ' + ' '.join(argv) if argv else ''}` on "
        f"{started.isoformat(timespec='seconds')}; the run took {total:.0f} s"
        + (" (**--quick**: reduced sizes)." if cfg.quick else "."),
        "Every comparison below was measured in this run, on this machine. Do not edit by hand: rerun.",
        "",
        "## Machine",
        "",
        *machine_table(machine, code_before),
        "",
        *change_warnings(code_before, code_after),
        "## Summary",
        "",
    ]
    for section in sections:
        lines += [f"- **{section.name}**: " + "; ".join(section.summary)]
    lines.append("")
    text = "\n".join(lines) + "\n" + "".join(_section_text(section) for section in sections)
    return text.rstrip() + "\n"


RERUN_NOTE = (
    "Sections measured again since then say so under their title: when, at which commit and model, on "
    "which processor and by which command (a `--update` run); every other section is from the run above."
)


def update(
    existing: str,
    sections: list[Section],
    code_before: dict[str, Any],
    code_after: dict[str, Any],
    started: dt.datetime,
    argv: list[str],
    machine: dict[str, Any],
) -> str:
    """`existing` (a RESULTS.md) with the sections of this run put in place of theirs (and their summary
    lines), each marked with when, on which code and on which processor it was rerun (the machine of
    the full run may not be this one) and with any change of code during this run; the other sections
    stay as measured. The preamble says once that sections may be reruns: a note per rerun piled up at
    the top, and a warning there outlived the section it was about."""
    blocks = re.split(r"(?m)^(?=## )", existing.rstrip() + "\n")
    preamble, rest = blocks[0], blocks[1:]
    host = f"{machine['cpu_model']}, {machine['usable_cpus']} CPUs"
    when = (
        f"rerun on {started.isoformat(timespec='seconds')} at git {code_before['git_head']} "
        f"(src sha256 {code_before['src_sha256']}…, model sha256 {code_before['model'].get('sha256')}…) on {host}"
    )
    command = f"`python benchmarks/{RUN_SCRIPT.name} {' '.join(argv)}`"
    warnings = change_warnings(code_before, code_after)
    titles = {f"## {s.title}\n": s for s in sections}
    replaced: set[str] = set()
    out: list[str] = []
    for block in rest:
        title = block.split("\n", 1)[0] + "\n"
        if block.startswith("## Summary"):
            out.append(_updated_summary(block, sections))
        elif title in titles:
            out.append(_section_text(titles[title], f"; {when} by {command}", warnings))
            replaced.add(title)
        else:
            out.append(block)
    out += [
        _section_text(s, f"; {when} by {command}", warnings) for t, s in titles.items() if t not in replaced
    ]
    return (_rerun_preamble(preamble) + "".join(out)).rstrip() + "\n"


def _rerun_preamble(preamble: str) -> str:
    """The full run's preamble (title, how it was written) with the standing rerun note, and without the
    notes and warnings earlier versions of `update` appended to it."""
    kept = [
        line
        for line in preamble.rstrip("\n").split("\n")
        if not line.startswith(("Updated by ", "> **Warning:**", RERUN_NOTE[:40]))  # any wording of the note
    ]
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join([*kept, RERUN_NOTE]) + "\n\n"


def _updated_summary(block: str, sections: list[Section]) -> str:
    lines = block.rstrip("\n").split("\n")
    fresh = {s.name: f"- **{s.name}**: " + "; ".join(s.summary) for s in sections}
    kept = [fresh.pop(_summary_name(line), line) for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join([*kept, *fresh.values()]) + "\n\n"


def _summary_name(line: str) -> str:
    found = re.match(r"- \*\*([^*]+)\*\*:", line)
    return found.group(1) if found else ""


def _section_text(section: Section, provenance: str = "", warnings: list[str] | None = None) -> str:
    lines = [f"## {section.title}", "", f"*({section.seconds:.0f} s{provenance})*", "", *(warnings or [])]
    return "\n".join([*lines, *section.markdown, ""]) + "\n"


def write_results_json(
    path: Path,
    sections: list[Section],
    machine: dict[str, Any],
    code: dict[str, Any],
    cfg: Config,
    started: dt.datetime,
    total: float,
    changed: bool,
) -> None:
    path.write_text(
        json.dumps(
            {
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(total, 1),
                "quick": cfg.quick,
                "machine": machine,
                "code": code,
                "code_or_model_changed_during_run": changed,
                "benchmarks": {s.name: {"seconds": round(s.seconds, 1), **s.figures} for s in sections},
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )


def print_summary(
    sections: list[Section], machine: dict[str, Any], total: float, changed: bool, output: Path
) -> None:
    print(
        f"fanzha benchmarks — {machine['cpu_model']}, {machine['logical_cpus']} CPUs, Python {machine['python']}"
    )
    for section in sections:
        print(f"{section.name} ({section.seconds:.0f} s)")
        for line in section.summary:
            print(f"  {line}")
    if changed:
        print("WARNING: the fanzha source or model changed during the run; rerun for consistent figures")
    print(f"total {total:.0f} s; report written to {output}")
