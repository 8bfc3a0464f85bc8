"""Benchmark 8, case linking (串并): a million synthetic cases with about three million identifier mentions,
written as the desk records them — mobiles in unassigned segments, foreign numbers, cards failing the Luhn
check, in several spellings each (see suite/linking_data.py) — linked in bulk by
`fanzha.cases.linking.link_jsonl` from file to file, and checked against the true groups the generator
knows: true groups split, cases in the wrong group, groups wrongly merged. The peer is networkx in the
same run, twice: end to end on the same file (orjson, the same canonical forms through
`fanzha.cases.identity.linking_key` with a cache per distinct value, a graph of cases and link keys,
`connected_components`, the groups written), and on the integer graph fanzha built (graph to groups
only); both partitions are checked equal to fanzha's. Then incremental linking on a SQLite store of those
cases: `relink_all`, then 1,000 new cases one at a time (`link_case`, with the case insert and the
commit), p50/p99 latency, and the final groups checked against the bulk algorithm's."""

from __future__ import annotations

import gc
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from suite.common import OUT, Section, log, table
from suite.context import Context
from suite.linking_data import generate, jsonl_file, store_file, true_first, working_copy

NEW_CASES = 1_000


def _cold() -> None:
    """Forget the canonical forms cached in this process, so every timed run starts as a fresh one."""
    from fanzha.extract import canonical

    canonical._foreign.cache_clear()
    canonical._extracted.cache_clear()
    canonical._VALID_FOREIGN.clear()
    gc.collect()


def _first_of_output(path: Path) -> np.ndarray:
    """For each output line (one per input line), the index of the first case of its group; a line
    with an error is a group of its own."""
    import orjson

    first_of_id: dict[Any, int] = {}
    first = []
    for index, line in enumerate(path.read_bytes().splitlines()):
        row = orjson.loads(line)
        group = row.get("group")
        first.append(index if group is None else first_of_id.setdefault(group, index))
    return np.array(first, dtype=np.int64)


def _against_truth(first: np.ndarray, truth: np.ndarray) -> dict[str, int]:
    """Groups found (`first`) against the true groups (`truth`), both as the first case of each case's
    group: a case is in the right group when its group holds exactly the cases of its true group."""
    n = len(first)
    pairs, inverse, together = np.unique(truth * n + first, return_inverse=True, return_counts=True)
    true_sizes, found_sizes = np.bincount(truth, minlength=n), np.bincount(first, minlength=n)
    shared = together[inverse]
    right = (shared == true_sizes[truth]) & (shared == found_sizes[first])
    parts = np.bincount(pairs // n, minlength=n)  # groups found per true group
    mixed = np.bincount(pairs % n, minlength=n)  # true groups per group found
    return {
        "true_groups": int((true_sizes >= 2).sum()),
        "true_groups_split": int((parts > 1).sum()),
        "cases_in_wrong_group": int(n - right.sum()),
        "groups_wrongly_merged": int((mixed > 1).sum()),
        "flagged_cases": 0,
    }


def _peer_end_to_end(path: Path) -> tuple[dict[str, Any], np.ndarray]:
    """networkx from the JSONL file to the groups file, with fanzha's canonical forms."""
    import networkx as nx
    import orjson

    from fanzha.cases.identity import linking_key

    _cold()
    t0 = time.perf_counter()
    ids: list[Any] = []
    edges: list[tuple[int, tuple[str, str]]] = []
    keys: dict[tuple[str, str], tuple[str, str] | None] = {}
    with path.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            index = len(ids)
            try:
                row = orjson.loads(line)
                pairs = [(i["kind"], i["value"]) for i in row.get("identifiers", ())]
                ids.append(row["id"])
            except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
                ids.append(None)
                continue
            for pair in pairs:
                key = keys[pair] if pair in keys else keys.setdefault(pair, linking_key(*pair))
                if key is not None:
                    edges.append((index, key))
    t1 = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(range(len(ids)))
    graph.add_edges_from(edges)
    t2 = time.perf_counter()
    first = np.arange(len(ids), dtype=np.int64)
    for component in nx.connected_components(graph):
        cases = [c for c in component if isinstance(c, int)]
        first[cases] = min(cases)
    del graph, edges, keys  # before writing: a live graph of millions of objects slows every allocation
    t3 = time.perf_counter()
    groups = first.tolist()
    with (OUT / "linking_groups_networkx.jsonl").open("wb") as out:
        for start in range(0, len(ids), 10_000):  # in batches, as fanzha writes
            batch = range(start, min(start + 10_000, len(ids)))
            out.write(
                b"\n".join(orjson.dumps({"id": ids[i], "group": ids[groups[i]]}) for i in batch) + b"\n"
            )
    t4 = time.perf_counter()
    gc.collect()
    figures = {
        "read_canonicalise_s": round(t1 - t0, 2),
        "build_s": round(t2 - t1, 2),
        "components_s": round(t3 - t2, 2),
        "write_s": round(t4 - t3, 2),
        "total_s": round(t4 - t0, 2),
    }
    return figures, first


def _bulk(n: int) -> tuple[dict[str, Any], Any, Any]:
    """(figures, encoder, first case of each record) for the JSONL file of `n` cases."""
    import orjson

    from fanzha.cases.components import KeyEncoder, first_of_component
    from fanzha.cases.identity import canonical
    from fanzha.cases.linking import link_jsonl

    path = jsonl_file(n)
    end_to_end = {}
    outputs = {}
    for workers in (1, 2):
        _cold()
        outputs[workers] = OUT / f"linking_groups_{workers}.jsonl"
        started = time.perf_counter()
        with path.open("rb") as src, outputs[workers].open("wb") as dst:
            errors = link_jsonl(src, dst, workers=workers)
        end_to_end[workers] = time.perf_counter() - started
    found = _first_of_output(outputs[1])
    same_with_workers = outputs[1].read_bytes() == outputs[2].read_bytes()
    text = outputs[1].read_bytes()
    accuracy = _against_truth(found, np.array(true_first(n), dtype=np.int64))
    accuracy["flagged_cases"] = text.count(b'"flagged"')

    # link_components on records in memory, in its two stages (the peer gets the stage-one graph).
    records = []
    for line in path.read_bytes().splitlines():
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            records.append(("", []))  # a broken line: a case of its own, as in link_jsonl
            continue
        records.append((row["id"], [(i["kind"], i["value"]) for i in row["identifiers"]]))
    _cold()
    t1 = time.perf_counter()
    encoder = KeyEncoder()
    add = encoder.add
    for index, (_, mentions) in enumerate(records):
        add(index, mentions)
    t2 = time.perf_counter()
    first = first_of_component(len(records), encoder.records, encoder.ids, len(encoder))
    t3 = time.perf_counter()

    sample = [m for _, ms in records[:100_000] for m in ms][:200_000]
    _cold()
    t4 = time.perf_counter()
    for kind, raw in sample:
        canonical(kind, raw)
    canonical_rate = len(sample) / (time.perf_counter() - t4)
    sizes = np.bincount(first)
    figures = {
        "cases": len(records),
        "mentions": len(encoder.ids),
        "linkable_mentions": int(sum(1 for i in encoder.ids if i >= 0)),
        "identifiers": len(encoder),
        "bad_lines": errors,
        "end_to_end_s": round(end_to_end[1], 2),
        "end_to_end_2_workers_s": round(end_to_end[2], 2),
        "same_output_with_workers": same_with_workers,
        "same_as_link_components": bool(np.array_equal(found, first)),
        "encode_s": round(t2 - t1, 2),
        "components_s": round(t3 - t2, 2),
        "link_components_s": round(t3 - t1, 2),
        "canonical_per_s": round(canonical_rate),
        "groups_2plus": int((sizes >= 2).sum()),
        "largest_group": int(sizes.max()),
        **accuracy,
    }
    return figures, encoder, first


def _networkx(n: int, encoder: Any, first: Any) -> dict[str, Any]:
    """networkx on the same bipartite graph (cases 0…n-1, identifiers n…): build, components, check."""
    import networkx as nx

    ids = np.asarray(encoder.ids, dtype=np.int64)
    rows = np.asarray(encoder.records, dtype=np.int64)[ids >= 0]
    cols = ids[ids >= 0] + n
    t0 = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(range(n + len(encoder)))
    graph.add_edges_from(zip(rows.tolist(), cols.tolist(), strict=True))
    t1 = time.perf_counter()
    components = list(nx.connected_components(graph))
    t2 = time.perf_counter()
    del graph
    peer_first = np.empty(n, dtype=np.int64)
    for component in components:
        cases = [c for c in component if c < n]
        if cases:
            peer_first[cases] = min(cases)
    del components
    gc.collect()
    return {
        "build_s": round(t1 - t0, 2),
        "components_s": round(t2 - t1, 2),
        "total_s": round(t2 - t0, 2),
        "same_partition": bool(np.array_equal(peer_first, first)),
    }


def _incremental(n: int) -> dict[str, Any]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from fanzha.cases.components import link_records
    from fanzha.cases.identity import canonical
    from fanzha.cases.linking import link_case, relink_all
    from fanzha.cases.model import CaseIdentifier
    from fanzha.store import make_engine
    from fanzha.store.case_tables import CaseIdentifierRow, CaseRow

    started = time.perf_counter()
    path = working_copy(store_file(n))
    prepare_s = time.perf_counter() - started
    engine = make_engine(f"sqlite:///{path}")
    t0 = time.perf_counter()
    stats = relink_all(engine)
    relink_s = time.perf_counter() - t0
    log(f"  relink_all: {relink_s:.1f} s ({stats})")

    new = list(generate(NEW_CASES, start=n, population=n))
    now = datetime.now(UTC)
    link_ms, work_ms, total_ms = [], [], []
    for case_id, mentions in new:
        cid = int(case_id[1:])
        t0 = time.perf_counter()
        with Session(engine) as session:
            session.add(CaseRow(id=cid, ref=case_id, received_at=now, created_at=now, updated_at=now))
            session.flush()
            found = {(k, v): raw for k, raw in mentions if (v := canonical(k, raw)) is not None}
            session.add_all(
                CaseIdentifierRow(case_id=cid, kind=k, value=v, raw=raw) for (k, v), raw in found.items()
            )
            session.flush()
            t1 = time.perf_counter()
            link_case(session, cid, [CaseIdentifier(k, v, raw) for (k, v), raw in found.items()])
            t2 = time.perf_counter()
            link_ms.append((t2 - t1) * 1000)
            work_ms.append((t2 - t0) * 1000)
            session.commit()
        total_ms.append((time.perf_counter() - t0) * 1000)

    # The groups on disk after 1,000 incremental additions are the bulk algorithm's over all cases.
    with Session(engine) as session:
        stored = np.array(session.execute(select(CaseRow.id, CaseRow.group_id).order_by(CaseRow.id)).all())
    _, first_index, inverse = np.unique(stored[:, 1], return_index=True, return_inverse=True)
    stored_first = stored[first_index, 0][inverse]
    bulk_first = link_records(list(generate(n)) + new) + 1  # case ids are 1…n+1000 in input order
    engine.dispose()
    size_mb = path.stat().st_size / 1e6
    path.unlink(missing_ok=True)
    return {
        "store_cases": n,
        "store_mb": round(size_mb),
        "prepare_s": round(prepare_s, 1),
        "relink_all_s": round(relink_s, 1),
        "link_case_p50_ms": round(float(np.percentile(link_ms, 50)), 2),
        "link_case_p99_ms": round(float(np.percentile(link_ms, 99)), 2),
        "link_case_max_ms": round(max(link_ms), 2),
        "with_insert_p50_ms": round(float(np.percentile(work_ms, 50)), 2),
        "with_insert_p99_ms": round(float(np.percentile(work_ms, 99)), 2),
        "with_commit_p50_ms": round(float(np.percentile(total_ms, 50)), 2),
        "with_commit_p99_ms": round(float(np.percentile(total_ms, 99)), 2),
        "same_as_bulk": bool(np.array_equal(stored_first, bulk_first)),
    }


def bench_linking(ctx: Context) -> Section:
    n = 100_000 if ctx.cfg.quick else 1_000_000
    log(f"  bulk linking of {n:,} cases")
    bulk, encoder, first = _bulk(n)
    log(f"  {bulk}")
    log("  networkx on the same graph")
    peer = _networkx(bulk["cases"], encoder, first)
    del encoder
    gc.collect()
    log(f"  {peer}")
    log("  networkx end to end on the same file")
    e2e, peer_first = _peer_end_to_end(jsonl_file(n))
    e2e["same_partition"] = bool(np.array_equal(peer_first, first))
    del peer_first
    log(f"  {e2e}")
    log("  incremental linking on SQLite")
    inc = _incremental(n)
    figures = {"bulk": bulk, "networkx": peer, "networkx_end_to_end": e2e, "incremental": inc}
    return Section(
        "linking",
        "8. Case linking (串并)",
        _markdown(bulk, peer, e2e, inc),
        _summary(bulk, peer, e2e, inc),
        figures,
    )


def _markdown(
    bulk: dict[str, Any], peer: dict[str, Any], e2e: dict[str, Any], inc: dict[str, Any]
) -> list[str]:
    same_work = peer["total_s"] / bulk["components_s"]
    one, two = bulk["end_to_end_s"], bulk["end_to_end_2_workers_s"]
    return [
        f"{bulk['cases']:,} synthetic cases with {bulk['mentions']:,} identifier mentions "
        f"({bulk['linkable_mentions']:,} linkable, {bulk['identifiers']:,} distinct link keys): gangs reusing "
        "accounts across tens to thousands of cases, twenty hubs not on any allowlist, allowlisted numbers and "
        "domains in one case in twenty (they link nothing), identifiers as the desk records them — mobiles in "
        "unassigned segments (one phone in eight), foreign numbers (one in fifteen, some no valid number at all), "
        "cards failing the Luhn check (one in five) and corporate accounts — each written in several forms "
        "(`+86 140 1234 5678`, `0086…`, `(+86)….….`, `0140…`, `00852-…`, `6222-0212-…`, full-width digits), "
        "placeholders, one-off mistyped numbers and a few broken lines (suite/linking_data.py). The generator "
        "knows each case's true identifiers, so the true groups are known.",
        "",
        *table(
            ["against the true groups", "fanzha"],
            [
                ("true groups (two or more cases)", f"{bulk['true_groups']:,}"),
                ("**true groups split**", f"{bulk['true_groups_split']:,}"),
                ("**cases in the wrong group**", f"{bulk['cases_in_wrong_group']:,} of {bulk['cases']:,}"),
                ("groups wrongly merged", f"{bulk['groups_wrongly_merged']:,}"),
                ("cases naming an odd identifier, flagged in the output", f"{bulk['flagged_cases']:,}"),
            ],
        ),
        "",
        "A case is in the wrong group unless its group holds exactly the cases of its true group. The peer "
        "is networkx in the same run: end to end on the same file (orjson, the same canonical forms through "
        "`linking_key`, cached per distinct value as written, a graph of cases and link keys, "
        "`connected_components`, the groups written), and on the integer graph fanzha built (graph to groups "
        "only, no reading or canonicalising).",
        "",
        *table(
            ["bulk linking", "seconds"],
            [
                ("**fanzha** `link_jsonl`, file to file, one process", one),
                (
                    "**fanzha** `link_jsonl`, file to file, `workers=2` (both cores; the CLI's default here)",
                    two,
                ),
                ("fanzha `link_components` on records in memory", bulk["link_components_s"]),
                ("  stage 1: canonicalise identifiers, number the link keys", bulk["encode_s"]),
                ("  stage 2: **connected components** (scipy on a sparse matrix)", bulk["components_s"]),
                ("peer: networkx end to end: read the file, canonicalise", e2e["read_canonicalise_s"]),
                ("peer: networkx end to end: graph build", e2e["build_s"]),
                ("peer: networkx end to end: `connected_components`", e2e["components_s"]),
                ("peer: networkx end to end: write the groups", e2e["write_s"]),
                ("peer: **networkx end to end, file to file**", e2e["total_s"]),
                ("peer: networkx on fanzha's integer graph: build", peer["build_s"]),
                ("peer: networkx on fanzha's integer graph: `connected_components`", peer["components_s"]),
                ("peer: **networkx on the integer graph alone** (graph to groups)", peer["total_s"]),
            ],
        ),
        "",
        *table(
            ["speed of fanzha `link_jsonl` (file to file)", "one process", "2 workers"],
            [
                (
                    "against networkx end to end, file to file",
                    f"{e2e['total_s'] / one:.1f}×",
                    f"{e2e['total_s'] / two:.1f}×",
                ),
                (
                    "against networkx on the integer graph alone",
                    f"{peer['total_s'] / one:.1f}×",
                    f"{peer['total_s'] / two:.1f}×",
                ),
            ],
        ),
        "",
        f"Same partition as networkx: **{'yes' if peer['same_partition'] and e2e['same_partition'] else 'NO'}** "
        f"(both); the same output with 2 workers as with one: **{'yes' if bulk['same_output_with_workers'] else 'NO'}**. "
        f"On the same work (graph to groups) networkx takes {same_work:,.0f}× fanzha's time. `canonical()`: "
        f"{bulk['canonical_per_s']:,} calls/s on the identifiers as written (nothing cached). "
        f"{bulk['groups_2plus']:,} groups of two or more cases; the largest (joined by hubs) has "
        f"{bulk['largest_group']:,}.",
        "",
        f"Incremental: a SQLite store with {inc['store_cases']:,} cases ({inc['store_mb']:,} MB); `relink_all` "
        f"rebuilt its groups in {inc['relink_all_s']} s; then {NEW_CASES:,} new cases were added one at a time, "
        "each in its own transaction.",
        "",
        *table(
            ["per new case", "p50 ms", "p99 ms"],
            [
                (
                    "**`link_case`** (its group, merging groups)",
                    inc["link_case_p50_ms"],
                    inc["link_case_p99_ms"],
                ),
                (
                    "case row + identifier rows + `link_case`",
                    inc["with_insert_p50_ms"],
                    inc["with_insert_p99_ms"],
                ),
                ("… + commit", inc["with_commit_p50_ms"], inc["with_commit_p99_ms"]),
            ],
        ),
        "",
        "The commit's p99 is SQLite's: in WAL mode, every ~1,000 pages written a commit checkpoints the log "
        f"into the database file and syncs it. The groups after the {NEW_CASES:,} additions equal the bulk "
        f"algorithm's over all cases: **{'yes' if inc['same_as_bulk'] else 'NO'}**.",
    ]


def _summary(
    bulk: dict[str, Any], peer: dict[str, Any], e2e: dict[str, Any], inc: dict[str, Any]
) -> list[str]:
    one, two = bulk["end_to_end_s"], bulk["end_to_end_2_workers_s"]
    return [
        f"{bulk['cases']:,} cases / {bulk['mentions']:,} mentions linked JSONL→JSONL in {one} s ({two} s on 2 "
        f"workers): {bulk['true_groups_split']:,} of {bulk['true_groups']:,} true groups split, "
        f"{bulk['cases_in_wrong_group']:,} cases in the wrong group; networkx end to end {e2e['total_s']} s "
        f"({e2e['total_s'] / one:.1f}× / {e2e['total_s'] / two:.1f}×), on the integer graph alone "
        f"{peer['total_s']} s ({peer['total_s'] / one:.1f}× / {peer['total_s'] / two:.1f}×); same partition: "
        f"{peer['same_partition'] and e2e['same_partition']}",
        f"incremental on {inc['store_cases']:,} cases: link_case p50 {inc['link_case_p50_ms']} ms, "
        f"p99 {inc['link_case_p99_ms']} ms (with the inserts p99 {inc['with_insert_p99_ms']} ms, with the commit "
        f"{inc['with_commit_p99_ms']} ms); same as bulk: {inc['same_as_bulk']}",
    ]
