"""CSV exports never carry a live spreadsheet formula (OWASP's CSV injection advice)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.documents import csv_out, worklog

from .conftest import ny


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x.example","pay")', '\'=HYPERLINK("http://x.example","pay")'),
        ("+1 212 555 0100", "'+1 212 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Acme Tools", "Acme Tools"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (15, "15"),
    ],
    ids=[
        "equals",
        "plus",
        "minus",
        "at",
        "tab",
        "cr",
        "plain",
        "inner-equals",
        "empty",
        "none",
        "number",
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(
    cell: object, written: str
) -> None:
    out = io.StringIO()
    csv_out.Writer(out).writerow([cell])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [written]


def test_the_work_search_log_csv_defuses_formulas_in_names(alice: Seeker) -> None:
    company = services.create_company(seeker=alice, name='=HYPERLINK("http://x.example","pay")')
    campaign = services.create_campaign(
        seeker=alice, company=company, role="@SUM(1)", contact_name="-2+3"
    )
    services.log_interview(
        campaign=campaign, at=ny("2026-11-19T15:00"), with_name="-2+3", now=ny("2026-11-19T18:00")
    )
    entries = worklog.entries(
        alice, start=ny("2026-11-01").date(), end=ny("2026-11-30").date(), now=ny("2026-12-01")
    )
    out = io.StringIO()
    worklog.write_csv(entries, out)
    row = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert row[2:5] == ['\'=HYPERLINK("http://x.example","pay")', "'@SUM(1)", "'-2+3"]


def test_every_csv_export_goes_through_the_one_writer() -> None:
    src = Path(csv_out.__file__).parents[1]
    writers = [
        path.relative_to(src).as_posix()
        for path in src.rglob("*.py")
        if "csv.writer(" in path.read_text() or "csv.DictWriter(" in path.read_text()
    ]
    assert writers == ["documents/csv_out.py"]
