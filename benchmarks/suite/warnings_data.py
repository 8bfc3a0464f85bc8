"""Synthetic data of the warnings benchmark: residents (with family phones and protected cards) and contact
events, bulk loaded straight into a SQLite store migrated by fanzha (indexes built after the load), and the
JSONL files of the batch path. Deterministic (SEED); the store is kept in benchmarks/out/ and reused.

Shape: resident i has the mobile 130… + 37·i; 30 % register a family phone, 20 % a bank card. Events: 70 %
calls, 10 % SMS, 20 % payments; the other side is drawn uniformly from a pool of numbers (two per resident)
and cards (one per five residents), so a typical identifier has about five events. `HOT` planted
identifiers each reach `HOT_EVENTS` residents (a campaign that called a thousand people)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from suite.common import OUT, SEED, log

COMMUNITIES = (("城关区", "幸福里社区"), ("城关区", "东风社区"), ("城关区", "南湖村"),
               ("开发区", "新城社区"), ("开发区", "工业园社区"), ("开发区", "柳树村"))  # fmt: skip
HOT = 20
HOT_EVENTS = 1_000
AT = "2026-11-0{} 0{}:00:00.000000"


def resident_phone(i: int | np.ndarray) -> Any:
    return 13000000000 + 37 * i


def other_phone(j: int | np.ndarray) -> Any:
    return 17000000000 + 11 * j


def other_card(j: int | np.ndarray) -> Any:
    return 6217000000000000000 + 7 * j


def hot_phone(h: int) -> str:
    return str(19900000000 + h)


def pools(n_residents: int) -> tuple[int, int]:
    return 2 * n_residents, max(1, n_residents // 5)


def store_file(n_residents: int, n_events: int) -> Path:
    """The SQLite store with `n_residents` and `n_events` (built once, then reused)."""
    path = OUT / f"warnings-v2-{n_residents}-{n_events}.sqlite3"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    path.unlink(missing_ok=True)
    from fanzha.store import make_engine, upgrade

    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    started = time.perf_counter()
    _load(path, n_residents, n_events)
    log(f"  built {path.name} in {time.perf_counter() - started:.0f} s")
    done.write_text("ok")
    return path


def _load(path: Path, n_residents: int, n_events: int) -> None:
    rng = np.random.default_rng(SEED)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    for index in ("ix_contact_events_other", "ix_contact_events_resident", "ix_resident_identifiers_value", "ix_resident_identifiers_resident",
                  "ix_residents_community", "ix_residents_station"):  # fmt: skip
        db.execute(f"DROP INDEX {index}")
    ages = rng.integers(18, 91, n_residents)
    has_family = rng.random(n_residents) < 0.3
    has_card = rng.random(n_residents) < 0.2
    now = "2026-11-01 00:00:00.000000"
    db.executemany(
        "INSERT INTO residents (id, name, phone, phone_raw, phone_flags, age, community, township, district,"
        " police_station, address, registered_via, registered_by, consent_at, consent_by, consent_text, status,"
        " synthetic, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, ?, '', ?, ?, '', 'import', 'bench', ?,"
        " '本人', '同意', 'active', 1, ?, ?)",
        (
            (i + 1, f"居民{i}", str(resident_phone(i)), str(resident_phone(i)), int(ages[i]),
             COMMUNITIES[i % 6][1], COMMUNITIES[i % 6][0], f"{COMMUNITIES[i % 6][0]}派出所", now, now, now)
            for i in range(n_residents)
        ),
    )  # fmt: skip
    log(f"  residents: {n_residents:,}")

    def identifiers() -> Any:
        for i in range(n_residents):
            phone = str(resident_phone(i))
            yield i + 1, "phone", phone, phone, "self"
            if has_family[i]:
                family = str(15000000000 + 13 * i)
                yield i + 1, "phone", family, family, "family"
            if has_card[i]:
                card = str(6222000000000000000 + 17 * i)
                yield i + 1, "bank_card", card, card, "account"

    db.executemany(
        "INSERT INTO resident_identifiers (resident_id, kind, value, raw, flags, whose) VALUES (?, ?, ?, ?, '[]', ?)",
        identifiers(),
    )
    phones, cards = pools(n_residents)
    chunk = 1_000_000
    for start in range(0, n_events, chunk):
        size = min(chunk, n_events - start)
        who = rng.integers(0, n_residents, size)
        kind = rng.choice(np.array(["call", "sms", "payment"]), size, p=[0.7, 0.1, 0.2])
        other = rng.integers(0, phones, size)
        card = rng.integers(0, cards, size)
        day, hour = rng.integers(1, 7, size), rng.integers(0, 10, size)
        amount = rng.integers(1, 50_000, size) * 100
        rows = []
        for r, k, o, c, d, h, a in zip(who.tolist(), kind.tolist(), other.tolist(), card.tolist(), day.tolist(),
                                       hour.tolist(), amount.tolist(), strict=True):  # fmt: skip
            at = AT.format(d, h)
            if k == "payment":
                value = str(other_card(c))
                rows.append((k, "account", str(resident_phone(r)), "bank_card", value, value, at, a))
            else:
                value = str(other_phone(o))
                rows.append((k, "phone", str(resident_phone(r)), "phone", value, value, at, None))
        _events(db, rows)
        log(f"  events: {start + size:,}")
    for h in range(HOT):
        who = rng.integers(0, n_residents, HOT_EVENTS)
        _events(db, [("call", "phone", str(resident_phone(int(r))), "phone", hot_phone(h), hot_phone(h),
                      AT.format(6, 9), None) for r in who])  # fmt: skip
    log("  indexes")
    db.execute("CREATE INDEX ix_contact_events_other ON contact_events (other_kind, other_value)")
    db.execute("CREATE INDEX ix_contact_events_resident ON contact_events (resident_value)")
    db.execute("CREATE INDEX ix_resident_identifiers_value ON resident_identifiers (kind, value)")
    db.execute("CREATE INDEX ix_resident_identifiers_resident ON resident_identifiers (resident_id)")
    db.execute("CREATE INDEX ix_residents_community ON residents (community, status)")
    db.execute("CREATE INDEX ix_residents_station ON residents (police_station, status)")
    db.commit()
    db.execute("ANALYZE")
    db.close()


def _events(db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    db.executemany(
        "INSERT INTO contact_events (kind, resident_kind, resident_value, other_kind, other_value, other_raw,"
        " other_flags, at, amount_fen, in_progress, source) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, 0, 'bench')",
        rows,
    )


def batch_files(n_residents: int, n_events: int, n_flagged: int) -> tuple[Path, Path, Path]:
    """JSONL files of the batch path: residents, events (several spellings of numbers), flagged."""
    folder = OUT / f"warnings-batch-{n_residents}-{n_events}"
    files = folder / "residents.jsonl", folder / "events.jsonl", folder / "flagged.jsonl"
    if all(f.exists() for f in files):
        return files
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED + 1)
    phones, cards = pools(n_residents)
    with files[0].open("wb") as out:
        for i in range(n_residents):
            row: dict[str, Any] = {"id": i, "phone": str(resident_phone(i)), "age": int(rng.integers(18, 91))}
            if i % 3 == 0:
                row["family"] = [{"name": "家属", "phone": str(15000000000 + 13 * i), "age": 70}]
            out.write(orjson.dumps(row) + b"\n")
    spellings = ("{}", "+86 {}", "{}-", "0086{}")
    with files[1].open("wb") as out:
        who, other = rng.integers(0, n_residents, n_events), rng.integers(0, phones, n_events)
        kinds = rng.choice(np.array(["call", "sms", "payment"]), n_events, p=[0.7, 0.1, 0.2])
        for r, o, k in zip(who.tolist(), other.tolist(), kinds.tolist(), strict=True):
            phone = str(resident_phone(r))
            if k == "payment":
                value = {"kind": "bank_card", "value": str(other_card(o % cards))}
            else:
                written = spellings[o % 4].format(other_phone(o)).rstrip("-")
                value = {"kind": "phone", "value": written}
            out.write(orjson.dumps({"kind": k, "resident_identifier": phone, "other": value,
                                    "at": "2026-11-06T09:00:00+08:00", "amount": 1000 if k == "payment" else None}))  # fmt: skip
            out.write(b"\n")
    with files[2].open("wb") as out:
        for j in rng.choice(phones, n_flagged, replace=False).tolist():
            out.write(
                orjson.dumps({"kind": "phone", "value": str(other_phone(j)), "level": "confirmed"}) + b"\n"
            )
        for j in rng.choice(cards, max(1, n_flagged // 10), replace=False).tolist():
            out.write(
                orjson.dumps({"kind": "bank_card", "value": str(other_card(j)), "level": "suspicious"})
                + b"\n"
            )
    return files
