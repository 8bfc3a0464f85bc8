"""涉诈回流人员 and outbound workers: the returnee ledger under 双岗分包 with weekly meetings and the
overdue rule, outbound workers' daily reports, persuasion to return and missing-report alerts, the
door-to-door survey with its coverage, and the access rules with the log of every read."""

from fanzha.returnees.access import VIEWS, Access, Reader, access_log
from fanzha.returnees.ledger import MeetingIn, PairIn, ReturneeIn, ReturneeLedger
from fanzha.returnees.missing import MissingReport, is_due, missing_on, missing_reports
from fanzha.returnees.model import (
    HOW,
    METHODS,
    OUTCOMES,
    RISK,
    RISKY_REGIONS,
    STATES,
    STATUS,
    Assignment,
    Meeting,
    Returnee,
    ReturneeConflict,
    ReturneeError,
    ReturneeNotFound,
    beijing_day,
    mask_id_number,
)
from fanzha.returnees.outbound import OutboundLedger, ReportIn, Worker, WorkerIn
from fanzha.returnees.overdue import STATES as MEETING_STATES
from fanzha.returnees.overdue import MeetingStatus, meeting_status, overdue
from fanzha.returnees.survey import Coverage, Household, HouseholdIn, MemberIn, Survey, coverage_of
from fanzha.returnees.survey_csv import read_households, read_households_text

__all__ = [
    "HOW", "MEETING_STATES", "METHODS", "OUTCOMES", "RISK", "RISKY_REGIONS", "STATES", "STATUS", "VIEWS",
    "Access", "Assignment", "Coverage", "Household", "HouseholdIn", "Meeting", "MeetingIn", "MeetingStatus",
    "MemberIn", "MissingReport", "OutboundLedger", "PairIn", "Reader", "ReportIn", "Returnee",
    "ReturneeConflict", "ReturneeError", "ReturneeIn", "ReturneeLedger", "ReturneeNotFound", "Survey", "Worker",
    "WorkerIn", "access_log", "beijing_day", "coverage_of", "is_due", "mask_id_number", "meeting_status",
    "missing_on", "missing_reports", "overdue", "read_households", "read_households_text",
]  # fmt: skip
