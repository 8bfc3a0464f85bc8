"""Benchmark: lookalike domains. fanzha.domains.check_domain against dnstwist (permutations of the
protected brands' flagship domains, matched by set lookup), in the same run: recall by kind and false
alarms on the labelled set (`benchmarks/data/domains_labelled.csv`) and on the independently written set
(`benchmarks/data/domains_independent/`, dev and held-out test halves), false alarms on the 3,244 real
domains of `cn_common_domains.txt` (the half the short-name rules were tuned on, the held-out half, and
all), speed on 100,000 hosts."""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from suite.common import DATA, SEED, Section, best_of, table, wilson
from suite.domains_data import COMMON, SHORT_KINDS, SPLIT_SALT, common_halves, speed_hosts

LABELLED = DATA / "domains_labelled.csv"
INDEPENDENT = DATA / "domains_independent" / "hosts.csv"
TARGET_RATE = 20_000  # hosts per second, one process
TLDS = ["com", "cn", "net", "org", "com.cn"]


def _rows() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _independent_rows() -> list[dict[str, str]]:
    """The independently written set, in the labelled set's columns (lookalike_of = what it imitates)."""
    with INDEPENDENT.open(encoding="utf-8", newline="") as fh:
        return [
            {
                "host": r["host"],
                "label": r["label"],
                "lookalike_of": r["imitates"],
                "kind": r["kind"],
                "split": r["split"],
            }
            for r in csv.DictReader(fh)
        ]


def _dnstwist_matcher() -> tuple[Callable[[str], str | None], float, int]:
    """(host → imitated domain or None, generation seconds, permutations) from dnstwist's fuzzers."""
    import dnstwist
    from publicsuffixlist import PublicSuffixList

    from fanzha.domains.host import ascii_host
    from fanzha.domains.protected import protected_data
    from fanzha.intel import official_owner

    data = protected_data()
    primary = [d for entry in data["brands"].values() for d in entry["primary"]]
    words = [str(w) for w in data["words"]]
    tlds = sorted({*TLDS, *(str(s) for s in data["risky_suffixes"])})
    start = time.perf_counter()
    perms: dict[str, str] = {}
    for domain in primary:
        fuzzer = dnstwist.Fuzzer(domain, dictionary=words, tld_dictionary=list(tlds))
        fuzzer.generate()
        for perm in fuzzer.domains:
            perms.setdefault(perm["domain"], domain)
    generated = time.perf_counter() - start
    for name in [
        p for p in perms if official_owner(p) is not None
    ]:  # a brand's own domains are not lookalikes
        del perms[name]
    psl = PublicSuffixList()

    def match(host: str) -> str | None:
        name = ascii_host(host)
        found = perms.get(name)
        if found is None:
            registrable = psl.privatesuffix(name)
            found = perms.get(registrable) if registrable else None
        return found

    return match, generated, len(perms)


def _score(rows: list[dict[str, str]], verdicts: list[str | None]) -> dict[str, Any]:
    """Recall, right-target rate and false alarms of one system's verdicts (imitated domain or None).

    The target is right when it is the labelled domain or another official domain of the same owner
    (`bankofchina.com` for `boc.cn`), by the reference lists of `fanzha.intel`."""
    from fanzha.intel import official_owner

    def same_owner(found: str | None, expected: str) -> bool:
        if found == "gov.cn":  # a gov-looking host imitates a government site, whichever
            return expected.endswith(".gov.cn")
        return found is not None and (found == expected or official_owner(found) == official_owner(expected))

    positives = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["label"] == "lookalike"]
    negatives = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["label"] != "lookalike"]
    hits = sum(v is not None for _, v in positives)
    right = sum(same_owner(v, r["lookalike_of"]) for r, v in positives)
    alarms = [r["host"] for r, v in negatives if v is not None]
    by_kind: dict[str, list[int]] = {}
    for r, v in positives:
        by_kind.setdefault(r["kind"], [0, 0])
        by_kind[r["kind"]][0] += v is not None
        by_kind[r["kind"]][1] += 1
    return {
        "recall": hits / len(positives),
        "recall_ci": wilson(hits, len(positives)),
        "right_target": right / len(positives),
        "false_alarm": len(alarms) / len(negatives),
        "false_alarm_ci": wilson(len(alarms), len(negatives)),
        "false_alarms": alarms,
        "by_kind": {k: round(a / n, 3) for k, (a, n) in sorted(by_kind.items())},
        "positives": len(positives),
        "negatives": len(negatives),
    }


def bench_domains(ctx: Any) -> Section:
    from fanzha.domains import check_domain
    from fanzha.domains.protected import brand_index

    rows = _rows()
    brand_index.cache_clear()
    t0 = time.perf_counter()
    brand_index()
    index_s = time.perf_counter() - t0
    ours = [check_domain(r["host"]) for r in rows]
    fz = _score(rows, [v.lookalike_of if v.is_lookalike else None for v in ours])
    official_rows = [(r, v) for r, v in zip(rows, ours, strict=True) if r["label"] == "official"]
    fz["official_found"] = sum(v.official for _, v in official_rows) / len(official_rows)

    match, generate_s, n_perms = _dnstwist_matcher()
    dt = _score(rows, [match(r["host"]) for r in rows])

    independent = _independent_rows()
    ind_fz = [check_domain(r["host"]) for r in independent]
    ind_fz_found = [v.lookalike_of if v.is_lookalike else None for v in ind_fz]
    ind_dt_found = [match(r["host"]) for r in independent]
    dev_targets = {
        r["lookalike_of"] for r in independent if r["split"] == "dev" and r["label"] == "lookalike"
    }

    def ind_score(found: list[str | None], keep: Callable[[dict[str, str]], bool]) -> dict[str, Any]:
        pairs = [(r, f) for r, f in zip(independent, found, strict=True) if keep(r)]
        return _score([r for r, _ in pairs], [f for _, f in pairs])

    def unseen(r: dict[str, str]) -> bool:
        return r["split"] == "test" and (r["label"] != "lookalike" or r["lookalike_of"] not in dev_targets)

    ind = {
        system: {
            "dev": ind_score(found, lambda r: r["split"] == "dev"),
            "test": ind_score(found, lambda r: r["split"] == "test"),
            "test, targets not in dev": ind_score(found, unseen),
        }
        for system, found in (("fanzha", ind_fz_found), ("dnstwist", ind_dt_found))
    }
    ind_kinds = sorted(ind["fanzha"]["test"]["by_kind"])
    ind_counts = Counter((r["split"], r["label"]) for r in independent)
    unseen_n = sum(unseen(r) and r["label"] == "lookalike" for r in independent)

    common_all = sorted(set(COMMON.read_text("utf-8").split()))
    tune, held_out = common_halves(common_all)
    halves = (("tuning half", tune), ("held-out half", held_out), ("all", common_all))
    fz_common = {name: [h for h in hosts if check_domain(h).is_lookalike] for name, hosts in halves}
    dt_common = {name: [h for h in hosts if match(h) is not None] for name, hosts in halves}

    n = 20_000 if ctx.cfg.quick else 100_000
    hosts = speed_hosts(n, seed=SEED, common=common_all)
    repeats = ctx.cfg.repeats
    fz_s, fz_times, fz_out = best_of(repeats, lambda: [check_domain(h) for h in hosts])
    dt_s, dt_times, dt_out = best_of(repeats, lambda: [match(h) for h in hosts])
    fz_flagged = Counter(v.kind for v in fz_out if v.is_lookalike)
    dt_flagged = sum(v is not None for v in dt_out)
    # speed_hosts makes every fourth host (i % 4 == 3) a lookalike; the rest are ordinary or random
    fz_sample_alarms = sum(v.is_lookalike for i, v in enumerate(fz_out) if i % 4 != 3)
    dt_sample_alarms = sum(v is not None for i, v in enumerate(dt_out) if i % 4 != 3)

    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    def ci(pair: tuple[float, float]) -> str:
        return f"{100 * pair[0]:.1f}–{100 * pair[1]:.1f}"

    kinds = sorted(fz["by_kind"])
    short = [k for k in kinds if k in SHORT_KINDS]
    md = [
        f"Labelled set `benchmarks/data/domains_labelled.csv`: {len(rows)} hosts, {fz['positives']} lookalikes of "
        f"{len(kinds)} kinds and {fz['negatives']} negatives (official domains and subdomains, real sites typed by "
        "hand and not in `cn_common_domains.txt`, real sites holding short brand tokens, random pronounceable "
        "domains), made by `benchmarks/suite/domains_data.py` from phishing patterns, not by the checker. "
        f"Four kinds aim at short brand names ({', '.join(short)}): a letter left out, two swapped or a digit "
        "for a letter in a name of 3–6 characters (`short_typo`), a short name or abbreviation left of a "
        "random string (`random_host`: `abc.x7k2q.cn`), a short name glued to a word (`glued`) and an "
        "operator's numeric name under another ending (`numeric_tld`). "
        "A system flags a host when it names a domain it imitates; *right target* counts lookalikes whose "
        "imitated domain is the labelled one or another official domain of the same owner.",
        "",
        f"Peer: dnstwist {_version()} as a library — `Fuzzer(domain, dictionary=words, tld_dictionary=tlds)."
        f"generate()` for each of the {len({r for r in _primary()})} flagship domains of "
        "`fanzha/domains/data/protected.yaml` (the domains fanzha protects), with fanzha's own scam-word list "
        "and its risky endings plus com/cn/net/org/com.cn as dictionaries; a host is flagged when it or its "
        f"registrable domain (Public Suffix List) is one of the {n_perms:,} permutations (official ones removed). "
        f"Generating them took {generate_s:.2f} s.",
        "",
        *table(
            ["system", "recall (95% CI)", "right target", "false alarms (95% CI)", *kinds],
            [
                (
                    name,
                    f"**{pct(s['recall'])}** ({ci(s['recall_ci'])})",
                    pct(s["right_target"]),
                    f"**{pct(s['false_alarm'])}** ({ci(s['false_alarm_ci'])})",
                    *(pct(s["by_kind"].get(k, 0.0)) for k in kinds),
                )
                for name, s in (("fanzha", fz), ("dnstwist", dt))
            ],
        ),
        "",
        f"fanzha named {pct(fz['official_found'])} of the official hosts official. False alarms — fanzha: "
        f"{', '.join(fz['false_alarms']) or 'none'}; dnstwist: {', '.join(dt['false_alarms']) or 'none'}.",
        "",
        f"**Independently written set** `benchmarks/data/domains_independent/hosts.csv` ({len(independent)} "
        f"hosts: {ind_counts['dev', 'lookalike'] + ind_counts['test', 'lookalike']} lookalikes, "
        f"{ind_counts['dev', 'genuine'] + ind_counts['test', 'genuine']} genuine): written from memory of "
        "Chinese phishing reports by a helper who never saw the checker, its data or its tests (its README "
        "says how), split by a hash of the host. The checker's new mechanisms and protected brands were "
        "written from the dev half's misses; the test half is held out. The test half mostly imitates the "
        f"same organisations as the dev half: its {unseen_n} lookalikes of organisations no dev row imitates "
        "are the figure for organisations the rules were not written with (among them brands the reference "
        "lists already held).",
        "",
        *table(
            ["system", "half", "recall (95% CI)", "right target", "false alarms (95% CI)", *ind_kinds],
            [
                (
                    system,
                    half,
                    f"**{pct(sc['recall'])}** ({ci(sc['recall_ci'])}; {sc['positives']})",
                    pct(sc["right_target"]),
                    f"**{pct(sc['false_alarm'])}** ({ci(sc['false_alarm_ci'])}; {sc['negatives']})",
                    *(pct(sc["by_kind"].get(k, 0.0)) for k in ind_kinds),
                )
                for system, halves_of in ind.items()
                for half, sc in halves_of.items()
            ],
        ),
        "",
        f"Test-half false alarms — fanzha: {', '.join(ind['fanzha']['test']['false_alarms']) or 'none'}; "
        f"dnstwist: {', '.join(ind['dnstwist']['test']['false_alarms']) or 'none'}.",
        "",
        f"False alarms on the real domains of `cn_common_domains.txt` ({len(common_all):,} distinct), split "
        f"by a salted hash (`{SPLIT_SALT}`) into the half the short-name rules were tuned on (the "
        "random-looking threshold of `fanzha.domains.shape`, the points of `fanzha.domains.short`) and a "
        "held-out half looked at only to report:",
        "",
        *table(
            ["system", *(f"{name} ({len(hosts):,})" for name, hosts in halves)],
            [
                (
                    name,
                    *(
                        f"**{pct(len(found[half]) / len(hosts))}** ({len(found[half])})"
                        for half, hosts in halves
                    ),
                )
                for name, found in (("fanzha", fz_common), ("dnstwist", dt_common))
            ],
        ),
        "",
        f"Flagged — fanzha: {', '.join(fz_common['all']) or 'none'}; dnstwist: "
        f"{', '.join(dt_common['all']) or 'none'}.",
        "",
        f"Speed on {n:,} hosts (seed {SEED}: half ordinary sites from `cn_common_domains.txt`, some with a "
        f"subdomain; a quarter random domains; a quarter lookalikes of the {len(kinds)} kinds), one process, best of "
        f"{repeats}:",
        "",
        *table(
            ["system", "seconds", "hosts/s", "flagged", "of which not lookalikes", "setup"],
            [
                (
                    "fanzha `check_domain`",
                    f"{fz_s:.2f}",
                    f"**{n / fz_s:,.0f}**",
                    f"{sum(fz_flagged.values()):,}",
                    f"{fz_sample_alarms:,}",
                    f"index {index_s * 1000:.0f} ms",
                ),
                (
                    "dnstwist permutations + set lookup",
                    f"{dt_s:.2f}",
                    f"**{n / dt_s:,.0f}**",
                    f"{dt_flagged:,}",
                    f"{dt_sample_alarms:,}",
                    f"generate {generate_s:.2f} s",
                ),
            ],
        ),
        "",
        f"Target: over {TARGET_RATE:,} hosts/s. fanzha flagged by kind: "
        + ", ".join(f"{k} {c:,}" for k, c in sorted(fz_flagged.items())),
    ]
    figures: dict[str, Any] = {
        "labelled_rows": len(rows),
        "fanzha": {k: v for k, v in fz.items() if k != "false_alarms"}
        | {"false_alarm_hosts": fz["false_alarms"]},
        "dnstwist": {k: v for k, v in dt.items() if k != "false_alarms"}
        | {"false_alarm_hosts": dt["false_alarms"]},
        "independent": {
            system: {
                half: {k: v for k, v in sc.items() if k != "false_alarms"}
                | {"false_alarm_hosts": sc["false_alarms"]}
                for half, sc in halves_of.items()
            }
            for system, halves_of in ind.items()
        },
        "common_split_salt": SPLIT_SALT,
        "fanzha_common_false_alarms": {name: len(found) for name, found in fz_common.items()},
        "fanzha_common_false_alarm_hosts": fz_common["all"],
        "dnstwist_common_false_alarms": {name: len(found) for name, found in dt_common.items()},
        "dnstwist_common_false_alarm_hosts": dt_common["all"],
        "common_sizes": {name: len(hosts) for name, hosts in halves},
        "dnstwist_permutations": n_perms,
        "dnstwist_generate_s": round(generate_s, 3),
        "index_build_s": round(index_s, 4),
        "speed_hosts": n,
        "fanzha_s": round(fz_s, 3),
        "fanzha_times": [round(t, 3) for t in fz_times],
        "fanzha_hosts_per_s": round(n / fz_s),
        "dnstwist_s": round(dt_s, 3),
        "dnstwist_times": [round(t, 3) for t in dt_times],
        "dnstwist_hosts_per_s": round(n / dt_s),
        "fanzha_sample_flagged": sum(fz_flagged.values()),
        "fanzha_sample_false_alarms": fz_sample_alarms,
        "dnstwist_sample_flagged": dt_flagged,
        "dnstwist_sample_false_alarms": dt_sample_alarms,
        "within_target": n / fz_s >= TARGET_RATE,
    }
    summary = [
        f"labelled {len(rows)}: fanzha recall {pct(fz['recall'])}, false alarms {pct(fz['false_alarm'])}; "
        f"dnstwist recall {pct(dt['recall'])}, false alarms {pct(dt['false_alarm'])}",
        f"independent set, test half: fanzha recall {pct(ind['fanzha']['test']['recall'])}, false alarms "
        f"{pct(ind['fanzha']['test']['false_alarm'])}; dnstwist recall {pct(ind['dnstwist']['test']['recall'])}, "
        f"false alarms {pct(ind['dnstwist']['test']['false_alarm'])}; organisations not in the dev half: "
        f"fanzha {pct(ind['fanzha']['test, targets not in dev']['recall'])}, "
        f"dnstwist {pct(ind['dnstwist']['test, targets not in dev']['recall'])}",
        "short names — fanzha: "
        + ", ".join(f"{k} {pct(fz['by_kind'][k])}" for k in short)
        + "; dnstwist: "
        + ", ".join(f"{k} {pct(dt['by_kind'].get(k, 0.0))}" for k in short),
        f"cn_common_domains flagged — fanzha: held-out {len(fz_common['held-out half'])}/{len(held_out)}, all "
        f"{len(fz_common['all'])}/{len(common_all)}; dnstwist: all {len(dt_common['all'])}/{len(common_all)}",
        f"{n:,} hosts: fanzha {n / fz_s:,.0f} hosts/s, dnstwist set lookup {n / dt_s:,.0f} hosts/s "
        f"(+ {generate_s:.2f} s to generate {n_perms:,} permutations)",
    ]
    return Section("domains", "Lookalike domains, against dnstwist", md, summary, figures)


def _primary() -> list[str]:
    from fanzha.domains.protected import protected_data

    return [str(d) for entry in protected_data()["brands"].values() for d in entry["primary"]]


def _version() -> str:
    from importlib.metadata import version

    return version("dnstwist")
