"""Audit a claims file and store the run in one pass: the claims' JSONL lines go through the audit
engine (`fanzha.claims.audit.Auditor`, with the office's catalogue and the institutions' stock records
when given) straight into `runs.store_run`, so a file is never held in memory as claims."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine

from fanzha.claims.audit import Auditor
from fanzha.claims.catalogue import parse_csv, parse_yaml
from fanzha.claims.model import ClaimError
from fanzha.claims.office.model import OfficeError, Run
from fanzha.claims.office.runs import store_run
from fanzha.claims.stockfile import parse_stock_text


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OfficeError(f"{what}不是 UTF-8 编码的文本") from None


def make_auditor(
    *,
    catalogue: bytes | None = None,
    catalogue_name: str = "",
    stock: bytes | None = None,
    stock_name: str = "",
) -> Auditor:
    """An auditor with the uploaded catalogue (YAML, or CSV by its name) and stock records (JSONL, or CSV)."""
    try:
        cat = None
        if catalogue:
            text = _text(catalogue, "目录文件")
            cat = parse_csv(text) if catalogue_name.lower().endswith(".csv") else parse_yaml(text)
        records = (
            parse_stock_text(_text(stock, "库存文件"), csv_format=stock_name.lower().endswith(".csv"))
            if stock
            else []
        )
    except ClaimError as exc:
        raise OfficeError(str(exc)) from None
    return Auditor(catalogue=cat, stock=records)


def audit_and_store(
    engine: Engine,
    *,
    lines: Iterable[bytes],
    uploaded_by: str,
    file_name: str = "",
    auditor: Auditor | None = None,
    demo: bool = False,
) -> Run:
    """Audit every line (a bad line is kept as a result with its error) and store the run."""
    auditor = auditor or Auditor()
    return store_run(
        engine, results=auditor.audit_lines(lines), uploaded_by=uploaded_by, file_name=file_name, demo=demo
    )
