"""Personal data stays masked outside the police: the full demo (`load_live_demo`, as `fanzha serve --demo`
loads it) is loaded once into a temporary SQLite store, every route of the authorisation matrix
(tests/api/test_authorization_matrix.py: its table of routes and roles, and its way of calling each one) is
requested with path parameters filled from demo ids, the public forms are posted to, a bulletin is issued,
and every response body, export file and log line is searched for the people's own ID numbers, phone
numbers and bank card numbers, collected from the store itself.

Who may see what (the decisions this test writes down):
- the public (no key, or a `public` key): nobody's personal data, in any response, page or document;
- log lines (the `fanzha` and `uvicorn` loggers at DEBUG, everything else at WARNING): nobody's;
- a bank (and a payment firm, which holds a bank key): its own customers' data only — the payer of a
  transfer it screened or checked at its counter, and the holder it checked when opening an account. Never
  a victim's, a resident's, a returnee's, a 断卡 holder's from someone else's record;
- a community worker: the residents, family members, returnees, outbound workers and surveyed households
  of the community registers they keep (they call these people), nobody else's;
- the medical-insurance office: the contact a citizen left with a tip to it, nobody else's;
- what the police publish or send out in writing: nobody's — the bulletin (the texts the review says will
  be printed, the draft, the issued HTML and PDF, issued here with one text edited by the officer to name a
  victim's phone, card and an ID number), the typical-case library built from it, the outreach report for
  communities (xlsx, pdf), and each warning task's 12381 SMS and family notice;
- the officer's own case files and exports (/v1/*/export, /console/*/export, the case, person and order
  pages) are working documents of the police and may hold full data: they are not scanned, and the test
  checks that none of the exports answers without an officer key.

Logs: the demo's progress lines (`say`) and every record of the `fanzha` and `uvicorn` loggers at DEBUG
(other loggers at WARNING; SQLAlchemy's statement log is not a product log). The test client does not run
uvicorn: `fanzha serve` starts it with log_level="warning", so its access lines (which would carry query
strings such as /v1/lookup?value=…) are not written. The audit log is the police's own record: not scanned.

A scammer's identifiers (the phone that called, the account that received the money) are intelligence:
shown in lookups and bulletins on purpose; a value that is also a scammer identifier is not counted as
personal data.
"""

from __future__ import annotations

import importlib.util
import io
import json
import logging
import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from httpx import Response
from sqlalchemy import Engine, select

from fanzha.cli.commands import DEMO_COMMUNITY, DEMO_MEDICAL, DEMO_OFFICER
from fanzha.demo.live import load_live_demo
from fanzha.demo.orders import DEMO_BANK
from fanzha.intel.keys import create_key
from fanzha.store.bank_tables import CounterCheckRow, GuardMerchantRow, GuardOrderRow
from fanzha.store.cardban_tables import CardbanEntryRow, OpeningCheckRow
from fanzha.store.case_tables import (
    CaseIdentifierRow,
    CasePaymentRow,
    CaseRow,
    KeyPersonRow,
    LinkGroupRow,
    OrderRow,
)
from fanzha.store.claims_tables import ClaimInstitutionRow, ClaimReportRow, ClaimRunRow
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.store.outreach_tables import (
    OutreachActivityRow,
    OutreachAttachmentRow,
    QuizSessionRow,
)
from fanzha.store.report_tables import BulletinRow
from fanzha.store.returnee_tables import OutboundWorkerRow, ReturneeRow, SurveyHouseholdRow
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.store.tables import AppealRow, IdentifierRow
from fanzha.store.warn_tables import ResidentFamilyRow, ResidentIdentifierRow, ResidentRow, WarningTaskRow


def _load_matrix() -> ModuleType:
    """The authorisation matrix's module (tests are not a package: loaded from its file)."""
    path = Path(__file__).parents[1] / "api" / "test_authorization_matrix.py"
    spec = importlib.util.spec_from_file_location("_fanzha_authorization_matrix", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MATRIX = _load_matrix()
EXPECTED: dict[str, frozenset[str]] = MATRIX.EXPECTED
OFFICER: frozenset[str] = MATRIX.OFFICER

# The audiences outside the police whose responses are scanned, and "officer" (for its log lines only).
OUTSIDE = ("anonymous", "public", "bank", "community", "medical")
PUBLIC = frozenset({"anonymous", "public"})
# What the police publish: scanned as public whoever fetches them.
PUBLISHED = ("GET /v1/reports/bulletin", "GET /v1/reports/bulletin/review（刊登文字）", "GET /console/bulletin/file",
             "GET /console/outreach/report.{fmt}", "POST /v1/reports/bulletin/issue")  # fmt: skip
# The officer's working documents: full data allowed, officer key required.
OFFICER_EXPORTS = sorted(r for r in EXPECTED if r.startswith("GET ") and r.endswith("/export"))
KINDS = ("身份证号", "手机号", "银行卡号")
DEMO_LABELS = {
    "officer": DEMO_OFFICER,
    "bank": DEMO_BANK,
    "community": DEMO_COMMUNITY,
    "medical": DEMO_MEDICAL,
}


@dataclass
class Sensitive:
    """Every personal value of the demo: value → (kind, where it comes from), and per audience the values
    that audience may see."""

    values: dict[str, tuple[str, str]] = field(default_factory=dict)
    allowed: dict[str, set[str]] = field(default_factory=lambda: {a: set() for a in OUTSIDE})

    def add(self, kind: str, source: str, raw: object, *, seen_by: Iterable[str] = ()) -> None:
        value = _compact(str(raw or ""))
        if len(value) < 7 or not value[:-1].isdigit():
            return
        self.values.setdefault(value, (kind, source))
        for audience in seen_by:
            self.allowed[audience].add(value)


def _compact(value: str) -> str:
    value = re.sub(r"[\s\-]", "", value).upper()
    return value[3:] if value.startswith("+86") else value


def _phone_of(raw: object) -> str:
    return str(raw.get("phone", "")) if isinstance(raw, dict) else ""


def collect(engine: Engine, *, community: str, bank: str) -> Sensitive:
    """The people's own ID, phone and card numbers, from the tables that hold them; the community worker
    of `community` and the bank `bank` may see their own people's.

    Personal data (the columns):
    - cases.persons: the victim's and the reporter's phone; case_payments.from_account: the victim's card;
    - residents.phone, resident_family.phone, resident_identifiers (own and family phones, protected
      accounts): the 金钟罩 register — the resident's community;
    - returnees.id_number/phone, outbound_workers.id_number/phone/family_phone, survey_households.members[]
      — their community;
    - key_persons.id_number (officer only); cardban_entries.holder_id and the holder's listed cards/phones
      (officers; a bank sees the entries it recorded itself, its own customers' — of the rest it hears a
      verdict when it checks an ID, never the list);
    - opening_checks.holder_id/account/phone — the bank that ran the check (its own customer);
    - screen_decisions.payer_account, counter_checks.payer — the bank's own customer;
    - claim_reports.contact — the medical office; appeals.contact — officers.
    Not personal data: case_identifiers, case_payments.to_account, screen payee accounts, orders' accounts,
    the intelligence identifiers — what scammers used.
    """
    found = Sensitive()

    def ours(place: str) -> tuple[str, ...]:
        return ("community",) if place == community else ()

    def customer(of: str) -> tuple[str, ...]:
        return ("bank",) if of == bank else ()

    with engine.connect() as conn:
        for (persons,) in conn.execute(select(CaseRow.persons)):
            for role in ("victim", "reporter"):
                found.add("手机号", f"案件{role}", _phone_of((persons or {}).get(role)))
        for (account,) in conn.execute(select(CasePaymentRow.from_account)):
            found.add("银行卡号", "受害人付款账户", account)
        for phone, place in conn.execute(select(ResidentRow.phone, ResidentRow.community)):
            found.add("手机号", "金钟罩居民", phone, seen_by=ours(place))
        family = select(ResidentFamilyRow.phone, ResidentRow.community).join(
            ResidentRow, ResidentRow.id == ResidentFamilyRow.resident_id
        )
        for phone, place in conn.execute(family):
            found.add("手机号", "金钟罩家属", phone, seen_by=ours(place))
        watched = select(ResidentIdentifierRow.kind, ResidentIdentifierRow.value, ResidentRow.community).join(
            ResidentRow, ResidentRow.id == ResidentIdentifierRow.resident_id
        )
        for kind, value, place in conn.execute(watched):
            found.add(
                "手机号" if kind == "phone" else "银行卡号", "金钟罩号码账户", value, seen_by=ours(place)
            )
        for id_number, phone, place in conn.execute(
            select(ReturneeRow.id_number, ReturneeRow.phone, ReturneeRow.community)
        ):
            found.add("身份证号", "回流人员", id_number, seen_by=ours(place))
            found.add("手机号", "回流人员", phone, seen_by=ours(place))
        workers = select(
            OutboundWorkerRow.id_number, OutboundWorkerRow.phone, OutboundWorkerRow.family_phone,
            OutboundWorkerRow.community,
        )  # fmt: skip
        for id_number, phone, family_phone, place in conn.execute(workers):
            found.add("身份证号", "外出务工人员", id_number, seen_by=ours(place))
            found.add("手机号", "外出务工人员", phone, seen_by=ours(place))
            found.add("手机号", "外出务工人员家属", family_phone, seen_by=ours(place))
        for members, place in conn.execute(select(SurveyHouseholdRow.members, SurveyHouseholdRow.community)):
            for member in members or []:
                found.add("手机号", "入户走访成员", _phone_of(member), seen_by=ours(place))
                found.add("身份证号", "入户走访成员", member.get("id_number", ""), seen_by=ours(place))
        for (id_number,) in conn.execute(select(KeyPersonRow.id_number)):
            found.add("身份证号", "重点人员", id_number)
        for kind, value, holder, by in conn.execute(
            select(
                CardbanEntryRow.kind,
                CardbanEntryRow.value,
                CardbanEntryRow.holder_id,
                CardbanEntryRow.recorded_by,
            )
        ):
            found.add("身份证号", "断卡惩戒对象", holder, seen_by=customer(by))
            found.add(
                "手机号" if kind == "phone" else "银行卡号", "断卡惩戒对象名下", value, seen_by=customer(by)
            )
        for holder, account, phone, of in conn.execute(
            select(
                OpeningCheckRow.holder_id,
                OpeningCheckRow.account,
                OpeningCheckRow.phone,
                OpeningCheckRow.bank,
            )
        ):
            found.add("身份证号", "开户核查客户", holder, seen_by=customer(of))
            found.add("银行卡号", "开户核查客户", account, seen_by=customer(of))
            found.add("手机号", "开户核查客户", phone, seen_by=customer(of))
        for account, of in conn.execute(select(ScreenDecisionRow.payer_account, ScreenDecisionRow.bank)):
            found.add("银行卡号", "银行客户（付款人）", account, seen_by=customer(of))
        for payer, of in conn.execute(select(CounterCheckRow.payer, CounterCheckRow.bank)):
            found.add("银行卡号", "柜面核查客户", (payer or {}).get("account", ""), seen_by=customer(of))
            found.add("手机号", "柜面核查客户", _phone_of(payer), seen_by=customer(of))
        for (contact,) in conn.execute(select(ClaimReportRow.contact)):
            found.add("手机号", "医保举报人", contact, seen_by=("medical",))
        for (contact,) in conn.execute(select(AppealRow.contact)):
            found.add("手机号", "申诉人", contact)
        scammers = {_compact(v) for (v,) in conn.execute(select(CaseIdentifierRow.value))}
        scammers |= {_compact(v) for (v,) in conn.execute(select(CasePaymentRow.to_account))}
        scammers |= {_compact(v) for (v,) in conn.execute(select(ScreenDecisionRow.payee_account))}
        scammers |= {_compact(v) for (v,) in conn.execute(select(OrderRow.account))}
        scammers |= {_compact(v) for (v,) in conn.execute(select(IdentifierRow.value))}
    for value in scammers & found.values.keys():
        del found.values[value]
    return found


_DIGITS = re.compile(r"\d+[Xx]?")
_SEPARATED = re.compile(r"(?<=\d)[ \-\u00a0](?=\d)")


def leaks(text: str, sensitive: dict[str, tuple[str, str]], allowed: set[str]) -> set[str]:
    """The sensitive values `text` holds in full: as written, with spaces or dashes between the digits, or
    after +86 / 86."""
    found: set[str] = set()
    for version in (text, _SEPARATED.sub("", text)):
        for match in _DIGITS.finditer(version):
            token = match.group().upper()
            for candidate in (token, token[2:] if token.startswith("86") else ""):
                if candidate in sensitive and candidate not in allowed:
                    found.add(candidate)
    return found


def readable(response: Response) -> str:
    """The text of a response; an xlsx or docx opened (its XML parts), a PDF's uncompressed streams."""
    kind = response.headers.get("content-type", "")
    body = response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith((".xml", ".rels", ".csv", ".txt", ".md"))
            )
    if "pdf" in kind or body[:4] == b"%PDF":
        return _pdf_text(body)
    return response.text


def _pdf_text(body: bytes) -> str:
    import zlib

    parts = [body.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@dataclass
class Seen:
    route: str
    role: str
    status: int
    text: str


@dataclass
class Run:
    sensitive: Sensitive
    seen: list[Seen]
    log_lines: list[str]
    export_refusals: dict[str, dict[str, int]]
    timings: dict[str, float]


def _first(engine: Engine, column: Any, *where: Any) -> str:
    with engine.connect() as conn:
        value = conn.scalar(select(column).where(*where).order_by(column).limit(1))
    return "1" if value is None else str(value)


def path_values(engine: Engine) -> dict[str, dict[str, str]]:
    """A demo id for each path parameter (of the demo community's people, the demo bank's transfers);
    per route prefix where one name means different things."""
    ours = DEMO_COMMUNITY
    common = {
        "case_id": _first(engine, CaseRow.id), "order_id": _first(engine, OrderRow.id),
        "group_id": _first(engine, LinkGroupRow.id, LinkGroupRow.size > 1),
        "alert_id": _first(engine, CounterAlertRow.id), "entry_id": _first(engine, CardbanEntryRow.id),
        "resident_id": _first(engine, ResidentRow.id, ResidentRow.community == ours),
        "task_id": _first(engine, WarningTaskRow.id, WarningTaskRow.community == ours),
        "returnee_id": _first(engine, ReturneeRow.id, ReturneeRow.community == ours),
        "worker_id": _first(engine, OutboundWorkerRow.id, OutboundWorkerRow.community == ours),
        "activity_id": _first(engine, OutreachActivityRow.id, OutreachActivityRow.community == ours),
        "session_id": _first(engine, QuizSessionRow.id, QuizSessionRow.community == ours),
        "attachment_id": _first(engine, OutreachAttachmentRow.id),
        "run_id": _first(engine, ClaimRunRow.id), "institution_id": _first(engine, ClaimInstitutionRow.id),
        "report_id": _first(engine, ClaimReportRow.id), "reference": _first(engine, ClaimReportRow.reference),
        "merchant_id": _first(engine, GuardMerchantRow.id), "person_id": _first(engine, KeyPersonRow.id),
        "appeal_id": _first(engine, AppealRow.id), "transfer_id": _first(engine, ScreenDecisionRow.transfer_id, ScreenDecisionRow.bank == DEMO_BANK),
        "account": _first(engine, OrderRow.account, OrderRow.bank == DEMO_BANK), "name": ours,
        "fmt": "xlsx", "path": "site.css",
    }  # fmt: skip
    return {
        "": common,
        "/console/reports/": {"report_id": _first(engine, BulletinRow.id)},
        "/v1/guard/orders/": {"order_id": _first(engine, GuardOrderRow.id)},
    }


_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")


def fill(path: str, values: dict[str, dict[str, str]]) -> str:
    def one(match: re.Match[str]) -> str:
        for prefix, table in values.items():
            if prefix and path.startswith(prefix) and match.group(1) in table:
                return table[match.group(1)]
        return values[""].get(match.group(1), "1")

    return _PARAM.sub(one, path)


# Extra variants of GET routes: every download format, the lookups of a victim's own number.
FORMATS = {"GET /console/outreach/report.{fmt}": ("xlsx", "pdf"),
           "GET /medical/institutions/{institution_id}/report.{fmt}": ("html", "xlsx", "pdf")}  # fmt: skip
QUERIES = {"GET /v1/reports/bulletin": ("?format=html", "?format=pdf"),
           "GET /console/bulletin/file": ("?format=html", "?format=pdf"),
           "GET /medical-report/status": ("", "?reference={reference}")}  # fmt: skip


def exercise(folder: Path) -> Run:
    capture = Capture()
    root = logging.getLogger()
    watched = [logging.getLogger(name) for name in ("fanzha", "uvicorn")]
    levels = [logger.level for logger in watched]
    root.addHandler(capture)
    for logger in watched:
        logger.setLevel(logging.DEBUG)
    timings: dict[str, float] = {}
    try:
        matrix = MATRIX.Matrix(folder)
        engine: Engine = matrix.app.state.services.store.engine
        # The keys `fanzha serve --demo` hands out: the demo bank's, the demo community's (the matrix's own
        # labels name a bank and a community the demo has no data for).
        for role, label in DEMO_LABELS.items():
            matrix.keys[role] = create_key(engine, role=role, label=label)
        started = time.perf_counter()
        load_live_demo(engine, seed=0, say=capture.lines.append)  # what `fanzha serve --demo` prints
        timings["demo"] = time.perf_counter() - started
        values = path_values(engine)
        sensitive_before = collect(engine, community=DEMO_COMMUNITY, bank=DEMO_BANK)
        seen: list[Seen] = []
        started = time.perf_counter()
        with matrix.client:
            _post_public(matrix, seen, sensitive_before)
            _issue_bulletin(matrix, seen, sensitive_before)
            for route in sorted(EXPECTED):
                method, path = route.split(" ", 1)
                if method != "GET":
                    continue
                roles = [r for r in (*OUTSIDE, "officer") if r in EXPECTED[route]]
                paths = [path.replace("{fmt}", f) for f in FORMATS.get(route, ("{fmt}",))]
                urls = [fill(p + q, values) for p in paths for q in QUERIES.get(route, ("",))]
                for url in urls:
                    for role in roles:
                        response = matrix.call(f"GET {url}", role)
                        seen.append(Seen(f"GET {url}", role, response.status_code, readable(response)))
            _warning_texts(matrix, seen)
            refusals = {
                route: {
                    role: matrix.call(f"GET {fill(route.split(' ', 1)[1], values)}", role).status_code
                    for role in OUTSIDE
                }
                for route in OFFICER_EXPORTS
            }
        timings["requests"] = time.perf_counter() - started
        timings["responses"] = len(seen)
        sensitive = collect(engine, community=DEMO_COMMUNITY, bank=DEMO_BANK)  # with the public forms'
    finally:
        root.removeHandler(capture)
        for logger, level in zip(watched, levels, strict=True):
            logger.setLevel(level)
    return Run(sensitive, seen, capture.lines, refusals, timings)


# A fresh citizen's numbers for the public forms: after they are posted they are personal data like any other.
CITIZEN_PHONE = "13912345678"
CITIZEN_FAMILY = "13698765432"
CITIZEN_CARD = "6217001234567890123"


def _post_public(matrix: Any, seen: list[Seen], sensitive: Sensitive) -> None:
    """The public forms and APIs, each with a victim's own number where it could be echoed back."""
    client = matrix.client
    victim_phone = next(v for v, (k, s) in sensitive.values.items() if k == "手机号" and s == "案件victim")
    resident_phone = next(v for v, (k, s) in sensitive.values.items() if s == "金钟罩居民")
    victim_card = next(v for v, (k, _) in sensitive.values.items() if k == "银行卡号")
    community = DEMO_COMMUNITY
    public = {"Authorization": f"Bearer {matrix.keys['public']}"}
    calls: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/v1/assess", {"json": {"text": f"您好，我是公安局的，您的账户{victim_card}涉嫌洗钱，请回电{victim_phone}"}}),
        ("GET", f"/v1/lookup?kind=phone&value={victim_phone}", {}),
        ("GET", f"/v1/lookup?kind=phone&value={resident_phone}", {}),
        ("GET", f"/v1/lookup?kind=bank_card&value={victim_card}", {}),
        ("POST", "/v1/reports", {"json": {"kind": "phone", "value": "17012345678", "text": "冒充客服要求退款"}}),
        ("POST", "/v1/appeals", {"json": {"kind": "phone", "value": "17012345678", "reason": "这是我的号码",
                                          "contact": CITIZEN_PHONE}}),
        ("POST", "/v1/feedback", {"json": {"kind": "phone", "value": "17012345678", "reason": "误报"}}),
        ("POST", "/v1/public/residents", {"json": {
            "name": "王小明", "phone": f"+86 {CITIZEN_PHONE[:3]}-{CITIZEN_PHONE[3:7]}-{CITIZEN_PHONE[7:]}",
            "community": community, "accounts": [{"value": CITIZEN_CARD}],
            "family": [{"name": "王大明", "phone": CITIZEN_FAMILY, "relation": "父亲"}], "consent": True}}),
        ("POST", "/v1/public/claims-reports", {"json": {"what": "住院3天收了4天床位费", "place": "城关镇中心卫生院",
                                                       "contact": CITIZEN_PHONE}}),
        ("POST", "/check", {"data": {"text": f"安全账户{victim_card}，联系人{victim_phone}"}}),
        ("POST", "/report", {"data": {"kind": "phone", "value": "17012345678", "text": "冒充公检法"}}),
        ("POST", "/appeal", {"data": {"kind": "phone", "value": "17012345678", "reason": "号码是我的",
                                      "contact": CITIZEN_PHONE}}),
        ("POST", "/medical-report", {"data": {"what": "挂床住院", "place": "河西区人民医院", "contact": CITIZEN_PHONE}}),
    ]  # fmt: skip
    for method, url, body in calls:
        for role, headers in (("anonymous", {}), ("public", public)):
            _send(matrix, seen, role, method, url, headers, body)
    # A bank checks a customer against the 断卡 list: it hears the verdict for the ID it typed, not the
    # listed holder's cards or phones.
    with matrix.app.state.services.store.engine.connect() as conn:
        listed = conn.execute(
            select(CardbanEntryRow.holder_name, CardbanEntryRow.holder_id).where(
                CardbanEntryRow.recorded_role == "officer"
            )
        ).first()
    assert listed is not None
    bank = {"Authorization": f"Bearer {matrix.keys['bank']}"}
    check = {
        "service": "online_service",
        "holder_name": listed[0],
        "holder_id": listed[1],
        "account": CITIZEN_CARD,
    }
    _send(matrix, seen, "bank", "POST", "/v1/bank/opening-checks", bank, {"json": check})
    # A cross-site post is refused and logged (fanzha.web.security): the log line must not carry the form.
    hostile = {"Origin": "https://evil.example"}
    response = client.post("/check", data={"text": f"请联系{victim_phone}"}, headers=hostile)
    seen.append(Seen("POST /check (跨站)", "anonymous", response.status_code, response.text))


def _send(matrix: Any, seen: list[Seen], role: str, method: str, url: str, headers: dict[str, str],
          body: dict[str, Any]) -> None:  # fmt: skip
    response = matrix.client.request(method, url, headers=headers, **body)
    # What the caller typed is theirs: an echo of it is not a leak, anything else is.
    text = readable(response)
    typed = json.dumps(body, ensure_ascii=False) + url
    for own in sorted(
        {m.group() for m in _DIGITS.finditer(_SEPARATED.sub("", typed))}, key=len, reverse=True
    ):
        if len(own) >= 7:
            text = text.replace(own, "«自己填写»")
    seen.append(Seen(f"{method} {url.split('?')[0]}", role, response.status_code, text))


def _warning_texts(matrix: Any, seen: list[Seen]) -> None:
    """Every warning task of the demo community, as its worker sees it (full numbers, to call), and the
    12381-style SMS and the family notice it carries: those go to the resident and the family, in writing."""
    engine = matrix.app.state.services.store.engine
    with engine.connect() as conn:
        tasks = list(
            conn.scalars(select(WarningTaskRow.id).where(WarningTaskRow.community == DEMO_COMMUNITY))
        )
    assert tasks
    worker = {"Authorization": f"Bearer {matrix.keys['community']}"}
    for task_id in tasks:
        response = matrix.client.get(f"/v1/warn/tasks/{task_id}", headers=worker)
        assert response.status_code == 200, response.text
        seen.append(Seen(f"GET /v1/warn/tasks/{task_id}", "community", 200, response.text))
        sent = f"{response.json()['sms']}\n{response.json()['family_notice']}"
        seen.append(Seen(f"预警短信、家属告知（任务{task_id}）", "anonymous", 200, sent))


def _issue_bulletin(matrix: Any, seen: list[Seen], sensitive: Sensitive) -> None:
    """Review the draft bulletin (its texts are what will be published; the case's original narrative
    beside each is for the officer), then issue it with one text edited by the officer to name a victim's
    phone, a card and an ID number: the bulletin masks them all the same."""
    officer = {"Authorization": f"Bearer {matrix.keys['officer']}"}
    review = matrix.client.get("/v1/reports/bulletin/review", headers=officer)
    assert review.status_code == 200, review.text
    cases = review.json()["cases"]
    texts = "\n".join(case["text"] for case in cases)
    seen.append(Seen("GET /v1/reports/bulletin/review（刊登文字）", "officer", review.status_code, texts))
    by_kind = {kind: next(v for v, (k, _) in sensitive.values.items() if k == kind) for kind in KINDS}
    edited = (
        f"{cases[0]['text']}事主手机号 {by_kind['手机号']}，身份证号{by_kind['身份证号']}，"
        f"付款卡号{by_kind['银行卡号']}。"
    )
    body = {"cases": [case["case_id"] for case in cases], "texts": {str(cases[0]["case_id"]): edited}}
    response = matrix.client.post("/v1/reports/bulletin/issue", json=body, headers=officer)
    assert response.status_code == 201, response.text
    seen.append(Seen("POST /v1/reports/bulletin/issue", "officer", response.status_code, readable(response)))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    yield exercise(tmp_path_factory.mktemp("personal-data"))


def _report(found: Iterable[tuple[str, str, str]], sensitive: Sensitive) -> str:
    from fanzha.extract.id_card import mask_id
    from fanzha.text.masking import mask_account, mask_phone

    masks = {"身份证号": mask_id, "手机号": mask_phone, "银行卡号": mask_account}
    lines = []
    for where, who, value in sorted(set(found))[:40]:
        kind, source = sensitive.values[value]
        lines.append(f"{where} [{who}]: {kind} {masks[kind](value)}（{source}）")
    return "\n".join(lines)


def _audience(seen: Seen) -> str:
    route = seen.route.split("?")[0]
    if any(re.fullmatch(_PARAM.sub(r"[^/?]+", p).replace(".", r"\."), route) for p in PUBLISHED):
        return "anonymous"  # published: as public whoever fetched it
    return seen.role


def test_the_demo_holds_personal_data_of_every_kind(run: Run) -> None:
    kinds = {kind for kind, _ in run.sensitive.values.values()}
    assert set(KINDS) <= kinds
    assert len(run.sensitive.values) > 2_000


def test_no_public_response_page_or_document_holds_personal_data(run: Run) -> None:
    found = [
        (s.route, s.role, value)
        for s in run.seen
        if _audience(s) in PUBLIC
        for value in leaks(s.text, run.sensitive.values, set())
    ]
    scanned = sum(1 for s in run.seen if _audience(s) in PUBLIC)
    assert scanned > 60
    published = {s.route.split("?")[0]: s for s in run.seen if s.role == "officer" and _audience(s) in PUBLIC}
    assert len(published) == len(PUBLISHED) + 1  # the outreach report in two formats
    assert all(s.status in (200, 201) and len(s.text) > 200 for s in published.values()), published.keys()
    assert not found, f"unmasked personal data in public responses:\n{_report(found, run.sensitive)}"


@pytest.mark.parametrize("audience", ["bank", "community", "medical"])
def test_partners_see_only_the_people_they_serve(run: Run, audience: str) -> None:
    allowed = run.sensitive.allowed[audience]
    found = [
        (s.route, s.role, value)
        for s in run.seen
        if _audience(s) == audience
        for value in leaks(s.text, run.sensitive.values, allowed)
    ]
    assert any(_audience(s) == audience and s.status == 200 for s in run.seen)
    assert not found, f"personal data {audience} should not see:\n{_report(found, run.sensitive)}"


def test_the_scan_sees_the_data_officers_and_partners_are_shown(run: Run) -> None:
    """The scanner is not blind and the pages are real: an officer's case page shows the victim's phone,
    and each partner's pages show some of the people it serves."""
    officer = [s for s in run.seen if s.role == "officer" and re.fullmatch(r"GET /v1/cases/\d+", s.route)]
    assert officer and all(leaks(s.text, run.sensitive.values, set()) for s in officer)
    for audience in ("bank", "community", "medical"):
        allowed = run.sensitive.allowed[audience]
        shown = {
            v
            for s in run.seen
            if _audience(s) == audience
            for v in leaks(s.text, run.sensitive.values, set())
        }
        assert shown & allowed, f"{audience}: none of its own people's data on its pages"


def test_no_log_line_holds_personal_data(run: Run) -> None:
    assert any("cross-site" in line for line in run.log_lines)
    found = [
        ("log", line.split(" ", 1)[0], value)
        for line in run.log_lines
        for value in leaks(line, run.sensitive.values, set())
    ]
    assert not found, f"unmasked personal data in log lines:\n{_report(found, run.sensitive)}"


def test_officer_exports_answer_only_an_officer_key(run: Run) -> None:
    assert OFFICER_EXPORTS and all(EXPECTED[route] == OFFICER for route in OFFICER_EXPORTS)
    let_in = {
        route: {role: status for role, status in statuses.items() if status not in (401, 403, 303)}
        for route, statuses in run.export_refusals.items()
    }
    assert not any(let_in.values()), let_in
