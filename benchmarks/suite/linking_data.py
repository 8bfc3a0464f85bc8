"""Synthetic cases for the linking benchmark (benchmark 8), their true groups, and the SQLite case store
built from them.

The cases look like a province's fraud reports, as far as linking is concerned: about three scammer
identifiers per case; most identifiers named once; gangs that reuse their accounts, phones, WeChat IDs
and sites across tens (a few, hundreds) of cases; twenty hubs that are not on any allowlist (a public
Wi-Fi address, a free hosting domain, a popular app) in about a thousand cases each; allowlisted numbers
and domains (95588, 10086, taobao.com) in one case in twenty; and identifiers as the desk records them:
mobiles in unassigned segments (140–144, 154, 16x, 179, 194: misheard, mistyped, or the scammers'),
foreign numbers (some that libphonenumber knows no such number for), cards failing the Luhn check and
corporate accounts, each written in the forms people use (`+86 140 1234 5678`, `0086-…`, `(+86)….….`,
`0140…`, `00852-…`, `6222 0212 …`, `HTTPS://WWW.…`, full-width digits); placeholders that are no
identifier (不详), one-off mistyped numbers, and a few broken lines.

Every case also carries its true identifiers (kind, value, before they were written down), so the
benchmark knows the true groups: the cases joined by the same true identifier, allowlisted ones apart.
Everything is drawn from a seeded generator, so every run sees the same cases.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from suite.common import OUT, SEED, log

VERSION = 2  # bump when the generator changes: cached files are rebuilt
Record = tuple[str, list[tuple[str, str]]]
TrueRecord = tuple[str, list[tuple[str, str]], list[tuple[str, str]]]  # id, as written, true link keys

OFFICIAL = [("phone", "95588"), ("phone", "95533"), ("phone", "10086"), ("domain", "taobao.com"),
            ("url", "https://www.icbc.com.cn/login"), ("phone", "400-627-2273")]  # fmt: skip
SEGMENTS = ["130", "131", "133", "135", "136", "138", "139", "150", "152", "158", "170", "177", "186", "189"]
UNASSIGNED = [
    "140",
    "141",
    "142",
    "143",
    "144",
    "154",
    "160",
    "161",
    "163",
    "164",
    "168",
    "169",
    "179",
    "194",
]
# Foreign numbers: country code, first digits, length of the national number (valid and invalid ones).
FOREIGN = [("852", "5679", 8), ("853", "6", 8), ("886", "9", 9), ("63", "9", 10), ("855", "1", 9),
           ("95", "9", 9), ("60", "1", 9), ("1", "4", 10), ("44", "7", 10), ("999", "1", 8)]  # fmt: skip
TLDS = ["top", "xyz", "vip", "cc", "com", "cn", "shop", "icu"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


class Generator:
    """Identifiers (canonical-ish) and their spellings, from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def digits(self, n: int) -> str:
        return f"{self.rng.randrange(10**n):0{n}d}"

    def word(self, a: int = 5, b: int = 10) -> str:
        return "".join(self.rng.choices(string.ascii_lowercase, k=self.rng.randint(a, b)))

    def phone(self) -> str:
        r, rng = self.rng.random(), self.rng
        if r < 0.80:
            return rng.choice(SEGMENTS) + self.digits(8)
        if r < 0.93:
            return rng.choice(UNASSIGNED) + self.digits(8)
        code, first, size = rng.choice(FOREIGN)
        return f"+{code}{rng.choice(first)}{self.digits(size - 1)}"

    def card(self) -> str:
        r, rng = self.rng.random(), self.rng
        number = _luhn_complete(rng.choice(["622202", "621700", "622848", "625965"]) + self.digits(12))
        if r < 0.70:
            return number
        if r < 0.90:  # the check digit wrong: mistyped, or an account number without one
            return number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)
        if r < 0.95:
            return _luhn_complete(rng.choice(["4367", "6217", "6228"]) + self.digits(11))  # 16 digits
        return rng.choice("123456789") + self.digits(rng.randint(11, 16))  # a corporate account

    def identifier(self) -> tuple[str, str]:
        r, rng = self.rng.random(), self.rng
        if r < 0.35:
            return "phone", self.phone()
        if r < 0.60:
            return "bank_card", self.card()
        if r < 0.70:
            return "wechat", rng.choice(string.ascii_lowercase) + self.word(5, 12) + self.digits(2)
        if r < 0.78:
            return "qq", str(rng.randint(10_000, 3_999_999_999))
        if r < 0.86:
            return "url", f"{self.word()}-{self.word(3, 5)}.{rng.choice(TLDS)}/{self.word(2, 6)}"
        if r < 0.91:
            return "alipay", f"{self.word()}{self.digits(3)}@{rng.choice(['163.com', 'qq.com', 'sina.cn'])}"
        if r < 0.95:
            return (
                "ip",
                f"{rng.randint(11, 99)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            )
        if r < 0.98:
            return "app", f"{self.word(3, 7).capitalize()} {rng.choice(['Pay', '金融', '理财', 'Chat'])}"
        return "domain", f"{self.word()}.{rng.choice(TLDS)}"

    def _mobile(self, value: str) -> str:
        r, (a, b, c) = self.rng.random(), (value[:3], value[3:7], value[7:])
        if r < 0.55:
            return value
        if r < 0.68:
            return f"+86 {a} {b} {c}"
        if r < 0.78:
            return f"{a}-{b}-{c}"
        if r < 0.83:
            return "0086" + value
        if r < 0.88:
            return f"{a} {b} {c}"
        if r < 0.92:
            return f"(+86){a}.{b}.{c}"
        if r < 0.96:
            return "86 " + value
        return "0" + value  # the trunk zero, as a landline dials a mobile

    def _foreign(self, value: str) -> str:
        code = next(
            c for c, _, size in FOREIGN if value[1:].startswith(c) and len(value) == 1 + len(c) + size
        )
        national, r = value[1 + len(code) :], self.rng.random()
        if r < 0.4:
            return value
        if r < 0.7:
            return f"+{code} {national[:4]} {national[4:]}"
        if r < 0.9:
            return f"00{code}-{national}"
        return f"(+{code}) {national[:3]}-{national[3:]}"

    def spell(self, kind: str, value: str) -> str:
        """One of the ways people write `value`."""
        r, rng = self.rng.random(), self.rng
        if kind == "phone":
            written = self._foreign(value) if value[0] == "+" else self._mobile(value)
            return written.translate(FULL_WIDTH) if rng.random() < 0.002 else written
        if kind == "bank_card":
            sep = " " if r < 0.2 else "-" if r < 0.3 else ""
            written = sep.join(value[i : i + 4] for i in range(0, len(value), 4))
            return written.translate(FULL_WIDTH) if rng.random() < 0.002 else written
        if kind == "url":
            if r < 0.3:
                return f"https://www.{value}"
            if r < 0.4:
                return f"HTTP://{value.upper()}"
            return value
        if kind in ("wechat", "app") and r < 0.2:
            return value.upper()
        if kind == "qq" and r < 0.2:
            return "QQ:" + value
        return value


def broken(index: int) -> bool:
    """Is the case at `index` of `jsonl_file` written as a broken line (linked to nothing)?"""
    return index % 20_000 == 7


def true_key(kind: str, value: str) -> tuple[str, str]:
    """What links cases in truth: the identifier before it was written down (a link's host for links)."""
    if kind == "url":
        return "domain", value.split("/", 1)[0]
    return (kind, value.lower()) if kind == "app" else (kind, value)


def generate_true(
    n: int, seed: int = SEED, *, start: int = 0, population: int | None = None
) -> Iterator[TrueRecord]:
    """`n` cases with ids C{start + 1}…, as written and with their true link keys (allowlisted ones
    left out), the same for the same arguments. The gangs and hubs depend on `seed` and `population`
    (default `n`) only, so later cases (`start=n, population=n`) reuse them."""
    gen = Generator(random.Random(seed))
    n_gangs = max(10, (population or n) // 50)
    gangs = [[gen.identifier() for _ in range(gen.rng.randint(3, 8))] for _ in range(n_gangs)]
    hubs = [("ip", "45.76.12.34"), ("ip", "103.21.8.8"), ("domain", "free-host.xyz"), ("app", "Zoom")]
    hubs += [gen.identifier() for _ in range(16)]
    rng = gen.rng = random.Random(seed + 1 + start)
    for index in range(start, start + n):
        mentions: list[tuple[str, str]] = []
        if rng.random() < 0.3:  # a gang's case: one or two of its identifiers (big gangs are rarer)
            gang = gangs[int(n_gangs * rng.random() ** 2)]
            mentions += rng.sample(gang, rng.randint(1, 2))
            mentions += [gen.identifier() for _ in range(rng.randint(0, 2))]
        else:
            mentions += [gen.identifier() for _ in range(rng.choice((1, 2, 3, 3, 3, 4, 4, 5)))]
        if rng.random() < 0.001 * len(hubs):
            mentions.append(rng.choice(hubs))
        keys = [true_key(kind, value) for kind, value in mentions]
        written = [(kind, gen.spell(kind, value)) for kind, value in mentions]
        if rng.random() < 0.05:
            written.append(rng.choice(OFFICIAL))  # as it is published; links nothing
        if rng.random() < 0.001:
            written.append(("phone", "不详"))  # a placeholder, no identifier: links nothing
        if rng.random() < 0.001:  # a number a digit short, named once
            mistyped = rng.choice(SEGMENTS) + gen.digits(7)
            written.append(("phone", mistyped))
            keys.append(("phone", mistyped))
        yield f"C{index + 1:07d}", written, keys


def generate(n: int, seed: int = SEED, *, start: int = 0, population: int | None = None) -> Iterator[Record]:
    """`generate_true` without the true keys."""
    for case_id, written, _ in generate_true(n, seed, start=start, population=population):
        yield case_id, written


def true_first(n: int) -> list[int]:
    """For each of the `n` cases of `jsonl_file(n)` (a broken line a case of its own, since it names
    nothing readable), the index of the first case of its true group."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    numbers: dict[tuple[str, str], int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for index, (_, _, keys) in enumerate(generate_true(n)):
        for key in () if broken(index) else keys:
            rows.append(index)
            cols.append(n + numbers.setdefault(key, len(numbers)))
    size = n + len(numbers)
    graph = csr_matrix(([1] * len(rows), (rows, cols)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    first: dict[int, int] = {}
    return [first.setdefault(int(label), index) for index, label in enumerate(labels[:n])]


def jsonl_file(n: int) -> Path:
    """The cases as JSONL (`{"id", "identifiers": [{"kind", "value"}]}`), written once and reused."""
    path = OUT / f"linking_cases_{n}.jsonl"
    marker = path.with_suffix(".v")
    if path.exists() and marker.exists() and marker.read_text() == str(VERSION):
        return path
    log(f"  writing {n:,} synthetic cases to {path.name}")
    OUT.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        for i, (case_id, mentions) in enumerate(generate(n)):
            if broken(i):
                fh.write(b'{"id": "' + case_id.encode() + b'", "identifiers": [broken\n')
                continue
            items = [{"kind": k, "value": v} for k, v in mentions]
            fh.write(orjson.dumps({"id": case_id, "identifiers": items}) + b"\n")
    marker.write_text(str(VERSION))
    return path


def store_file(n: int) -> Path:
    """A SQLite case store (schema by `fanzha.store.upgrade`) holding the `n` cases and their canonical
    identifiers, not yet linked; built once with executemany and reused (copy it before writing)."""
    from fanzha.cases.identity import canonical
    from fanzha.store import make_engine, upgrade

    path = OUT / f"linking_store_{n}.sqlite3"
    marker = path.with_suffix(".v")
    if path.exists() and marker.exists() and marker.read_text() == str(VERSION):
        return path
    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    cache: dict[tuple[str, str], str | None] = {}
    cases, idents = [], []
    for case_id, mentions in generate(n):
        cid = int(case_id[1:])
        at = (t0 + timedelta(seconds=cid * 30)).strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy writes it
        cases.append(
            (cid, case_id, f"区{cid % 16}", at, "刷单返利", (cid % 1000) * 100, "{}", "received", at, at)
        )
        for kind, raw in mentions:
            value = cache.get((kind, raw), "")
            if value == "":
                value = cache[(kind, raw)] = canonical(kind, raw)
            if value is not None:
                idents.append((cid, kind, value, raw))
        if len(cases) >= 100_000:
            _flush(con, cases, idents)
            log(f"  store: {cid:,}/{n:,} cases")
    _flush(con, cases, idents)
    con.close()
    marker.write_text(str(VERSION))
    return path


def _flush(
    con: sqlite3.Connection, cases: list[tuple[object, ...]], idents: list[tuple[object, ...]]
) -> None:
    con.executemany(
        "INSERT INTO cases (id, ref, desk, district, received_at, place, contact_channel, fraud_type, loss_fen,"
        " dissuaded, victim_sex, persons, narrative, status, officer, synthetic, created_at, updated_at)"
        " VALUES (?, ?, '', ?, ?, '', '', ?, ?, 0, '', ?, '', ?, '', 1, ?, ?)",
        cases,
    )
    con.executemany(
        "INSERT INTO case_identifiers (case_id, kind, value, raw, confirmed) VALUES (?, ?, ?, ?, 0)", idents
    )
    con.commit()
    cases.clear()
    idents.clear()


def working_copy(path: Path) -> Path:
    copy = path.with_name(path.stem + "_work.sqlite3")
    shutil.copyfile(path, copy)
    return copy
