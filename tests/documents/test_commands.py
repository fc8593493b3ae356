"""`pursuit note`, `resume`, `log export`, `export` and `import`, run in this process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns.models import Campaign

from .conftest import Ran, local_campaign, make_pdf, page_texts, to_visit

Cli = Callable[..., Ran]


def test_it_prints_the_note_for_a_visit_with_a_chosen_resume(
    cli: Cli, owner: Seeker, tmp_path: Path
) -> None:
    leave_note, _ = to_visit(local_campaign(owner))
    (tmp_path / "cv.pdf").write_bytes(make_pdf("Sam Lee, buyer", "Sam Lee, references"))
    added = cli("resume", "add", str(tmp_path / "cv.pdf"), "--label", "Buying", "--json").json()
    assert added["label"] == "Buying" and added["pages"] == 2

    done = cli("note", str(leave_note.pk), "-o", str(tmp_path / "note.pdf"), "--json").json()

    assert done["pages"] == 3
    pages = page_texts((tmp_path / "note.pdf").read_bytes())
    assert "Dear Dana," in pages[0] and "Sam Lee, buyer" in pages[1]
    # A file given on the spot goes out instead, and is not kept.
    (tmp_path / "short.pdf").write_bytes(make_pdf("short version"))
    cli(
        "note",
        str(leave_note.pk),
        "--resume",
        str(tmp_path / "short.pdf"),
        "-o",
        str(tmp_path / "2.pdf"),
    )
    assert page_texts((tmp_path / "2.pdf").read_bytes())[1:] == ["short version"]
    assert len(cli("resume", "list", "--json").json()) == 1


def test_a_bad_resume_or_someone_elses_step_is_refused(
    cli: Cli, owner: Seeker, tmp_path: Path
) -> None:
    leave_note, _ = to_visit(local_campaign(owner))
    (tmp_path / "cv.docx").write_bytes(b"PK\x03\x04 word")
    refused = cli("resume", "add", str(tmp_path / "cv.docx"))
    assert (refused.code, refused.err.strip()) == (
        1,
        "this file is not a PDF: save or export it as PDF, then upload that",
    )
    bob = create_seeker(email="bob@example.com", name="Bob")
    other = cli("note", str(leave_note.pk), "-o", str(tmp_path / "n.pdf"), "--user", bob.user.email)
    assert (other.code, other.err.strip()) == (1, f"no such action: {leave_note.pk}")


def test_log_export_writes_csv_or_pdf(cli: Cli, owner: Seeker, tmp_path: Path) -> None:
    to_visit(local_campaign(owner))

    november = ("--from", "2026-11-01", "--to", "2026-11-30")
    done = cli("log", "export", *november, "-o", str(tmp_path / "log.csv"), "--json").json()
    assert done["contacts"] == 1  # the interview; the calls begin in December
    lines = (tmp_path / "log.csv").read_text().splitlines()
    assert lines[0].startswith("date,time,company")
    cli(
        "log",
        "export",
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-31",
        "-o",
        str(tmp_path / "log.pdf"),
    )
    assert "Work-search log" in page_texts((tmp_path / "log.pdf").read_bytes())[0]
    assert (
        cli("log", "export", "--from", "2026-12-01", "--to", "2026-11-01", "-o", "x.csv").code == 2
    )


def test_export_and_import_move_an_account_whole(cli: Cli, owner: Seeker, tmp_path: Path) -> None:
    to_visit(local_campaign(owner))
    (tmp_path / "cv.pdf").write_bytes(make_pdf("cv"))
    cli("resume", "add", str(tmp_path / "cv.pdf"))
    create_seeker(email="new@example.com", name="Sam Lee")

    first = cli("export", "-o", str(tmp_path / "sam.json"), "--json").json()
    assert first["files"] == [str(tmp_path / "sam.json"), str(tmp_path / "sam.files.zip")]
    loaded = cli("import", str(tmp_path / "sam.json"), "--user", "new@example.com", "--json").json()
    assert loaded["imported"]["campaigns"] == 1 and loaded["imported"]["resumes"] == 1
    cli("export", "-o", str(tmp_path / "again.zip"), "--user", "new@example.com")

    again = json.loads(_from_zip(tmp_path / "again.zip"))
    before = json.loads((tmp_path / "sam.json").read_text())
    for document in (before, again):
        del document["exported_at"], document["profile"]["email"]
    assert again == before
    twice = cli("import", str(tmp_path / "sam.json"), "--user", "new@example.com")
    assert twice.code == 1 and "import into a new, empty account" in twice.err


def _from_zip(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("pursuit.json").decode()


CSV = """Company,Position,Contact,Interview Date,Status
Acme Tools,Buyer,Dana Reyes,2026-11-19 15:00,interviewing
Globex,Planner,Sam Lee,someday,offer
Initech,Analyst,,,rejected
"""


def test_a_csv_with_a_bad_row_imports_nothing_unless_told_to_skip_it(
    cli: Cli, owner: Seeker, tmp_path: Path
) -> None:
    (tmp_path / "apps.csv").write_text(CSV)

    refused = cli("import", str(tmp_path / "apps.csv"))
    assert refused.code == 1
    assert "row 3, column 'Interview Date': 'someday' is not a date" in " ".join(
        refused.out.split()
    )
    assert "Nothing imported" in refused.out
    assert not Campaign.objects.exists()

    preview = cli("import", str(tmp_path / "apps.csv"), "--skip-bad", "--dry-run", "--json").json()
    assert (preview["saved"], len(preview["imported"])) == (False, 2)
    assert not Campaign.objects.exists()

    done = cli("import", str(tmp_path / "apps.csv"), "--skip-bad", "--json").json()
    assert done["saved"] is True
    assert done["problems"] == [
        {"row": 3, "column": "Interview Date", "message": done["problems"][0]["message"]}
    ]
    assert Campaign.objects.count() == 2


def test_csv_columns_are_mapped_with_map(cli: Cli, owner: Seeker, tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text("Firm,Job\nAcme Tools,Buyer\n")

    assert cli("import", str(tmp_path / "apps.csv")).err.strip() == (
        "no column for company: say which column holds it"
    )
    mapped = ("--map", "company=Firm", "--map", "role=Job")
    done = cli("import", str(tmp_path / "apps.csv"), *mapped, "--json").json()
    assert done["mapping"] == {"company": "Firm", "role": "Job"}
    assert cli("import", str(tmp_path / "apps.csv"), "--map", "company").code == 2


def test_resume_add_with_a_50_mb_file_states_its_real_size(
    cli: Cli, owner: Seeker, tmp_path: Path
) -> None:
    big = tmp_path / "scan.pdf"
    with big.open("wb") as file:
        file.write(make_pdf("cv"))
        # A sparse file: 50 MB on paper, nothing written to the disk.
        file.truncate(50 * 1024 * 1024)

    refused = cli("resume", "add", str(big))

    assert refused.code == 1
    assert refused.err.strip() == (
        "this file is 50.0 MB and the limit is 10 MB: export a lighter PDF (smaller images) "
        "and upload that"
    )
