"""The seeker's paper from the command line: `pursuit note`, `pursuit resume …`,
`pursuit log export`, `pursuit export` and `pursuit import` (docs/documents.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from pursuit.commands import (
    REFUSED,
    USAGE,
    DataDir,
    Json,
    User,
    acting_seeker,
    emit,
    fail,
    fetch_owned,
    now,
    open_db,
    parse_date,
    refusals,
)

if TYPE_CHECKING:
    from pursuit.accounts.models import Seeker
    from pursuit.documents.models import Resume
    from pursuit.documents.tracker_csv import Report

resume_app = typer.Typer(help="Your résumé, in as many versions as you like.", no_args_is_help=True)
log_app = typer.Typer(help="Your work-search log, to show an agency.", no_args_is_help=True)

Output = Annotated[
    Path,
    typer.Option("-o", "--output", metavar="FILE", help="Where to write it ('-' for stdout)."),
]


def _write(output: Path, data: bytes) -> None:
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}", USAGE)


def _opened(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}", USAGE)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}", USAGE)


# -- the note ------------------------------------------------------------------------------------


def note(
    action_id: Annotated[
        int, typer.Argument(metavar="ACTION", help="The visit, or the step that prints its note.")
    ],
    output: Output,
    resume: Annotated[
        str | None,
        typer.Option(
            metavar="FILE_OR_ID",
            help="The résumé to append: a version's id (`pursuit resume list`) or a PDF file. "
            "Default: the campaign's, else your newest.",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Print the leave-behind note with your résumé behind it, as one PDF to take to a visit."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns.models import Action
    from pursuit.documents import note as notes
    from pursuit.documents import pdf

    action = fetch_owned(Action, seeker, action_id, "campaign__company")
    chosen = _chosen_resume(seeker, resume) if resume else None
    data = notes.note_pdf(action, resume=chosen, now=now())
    _write(output, data)
    if str(output) == "-":
        return
    emit(
        {"file": str(output), "pages": pdf.page_count(data)},
        as_json,
        table=lambda d: f"Wrote {d['file']} ({d['pages']} pages: the note, then the résumé).",
    )


def _chosen_resume(seeker: Seeker, given: str) -> Resume | bytes:
    from pursuit.documents.models import Resume
    from pursuit.documents.services import checked_pdf

    if given.isdigit():
        return fetch_owned(Resume, seeker, int(given))
    path = Path(given)
    if not path.is_file():
        fail(f"--resume {given}: no such file, and not a résumé id either", USAGE)
    with refusals(), path.open("rb") as file:
        return checked_pdf(file, field="resume").data


# -- résumés -------------------------------------------------------------------------------------


@resume_app.command("add")
def resume_add(
    file: Annotated[Path, typer.Argument(help="The résumé, as a PDF (10 MB at most).")],
    label: Annotated[
        str, typer.Option(help="A name to know it by (default: the file's name).")
    ] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Add a version of your résumé; campaigns that did not pick one use the newest."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.documents import services

    # Handed over open, not read: the service learns the file's real size from the disk and
    # never reads more of it than the limit.
    with _opened(file) as upload, refusals():
        added = services.add_resume(seeker=seeker, upload=upload, label=label, filename=file.name)
    emit(_resume_json(added), as_json, table=lambda d: f"Résumé {d['id']}: {d['label']}")


@resume_app.command("list")
def resume_list(data_dir: DataDir = None, user: User = None, as_json: Json = False) -> None:
    """Your résumé versions, the newest first."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns.access import owned
    from pursuit.documents.models import Resume

    rows = [_resume_json(r) for r in owned(Resume, seeker.user)]
    emit(rows, as_json, table=_resume_lines)


def _resume_json(resume: Resume) -> dict[str, Any]:
    return {
        "id": resume.pk,
        "label": resume.label,
        "filename": resume.filename,
        "pages": resume.pages,
        "size": resume.size,
        "uploaded_at": resume.uploaded_at.isoformat(),
    }


def _resume_lines(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No résumé yet: `pursuit resume add FILE.pdf`."
    return "\n".join(
        f"{r['id']:>5}  {r['uploaded_at'][:10]}  {r['label']} ({r['pages']} p., {r['filename']})"
        for r in rows
    )


@resume_app.command("use")
def resume_use(
    resume_id: Annotated[int, typer.Argument(metavar="RESUME", help="The version's id.")],
    campaign_id: Annotated[int, typer.Option("--campaign", help="The campaign's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Choose the résumé a campaign's note goes out with."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns.models import Campaign
    from pursuit.documents import services
    from pursuit.documents.models import Resume

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company")
    chosen = fetch_owned(Resume, seeker, resume_id)
    with refusals():
        services.save_note(campaign=campaign, resume=chosen)
    emit(
        {"campaign_id": campaign.pk, "resume_id": chosen.pk},
        as_json,
        table=lambda d: f"Campaign {d['campaign_id']} now goes out with résumé {d['resume_id']}.",
    )


@resume_app.command("remove")
def resume_remove(
    resume_id: Annotated[int, typer.Argument(metavar="RESUME", help="The version's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move a résumé version to the Trash (its file goes when the Trash is emptied)."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.documents import services
    from pursuit.documents.models import Resume

    gone = fetch_owned(Resume, seeker, resume_id)
    with refusals():
        services.delete_resume(resume=gone)
    emit({"removed": resume_id}, as_json, table=lambda d: f"Removed résumé {d['removed']}.")


# -- the work-search log -------------------------------------------------------------------------


@log_app.command("export")
def log_export(
    start: Annotated[str, typer.Option("--from", metavar="DATE", help="First day, 2026-11-01.")],
    end: Annotated[str, typer.Option("--to", metavar="DATE", help="Last day, included.")],
    output: Output,
    form: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="csv|pdf",
            help="csv or pdf (default: from the file's name, else csv).",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Every contact with an employer in a period: date, company, person, how, what came of it."""
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if last < first:
        fail("--to comes before --from", USAGE)
    kind = (form or output.suffix.lstrip(".") or "csv").lower()
    if kind not in ("csv", "pdf"):
        fail(f"--format {kind!r}: use csv or pdf", USAGE)
    open_db(data_dir)
    seeker = acting_seeker(user)
    import io

    from pursuit.documents import worklog

    found = worklog.entries(seeker, start=first, end=last, now=now())
    if kind == "pdf":
        data = worklog.render_pdf(seeker, found, start=first, end=last)
    else:
        text = io.StringIO()
        worklog.write_csv(found, text)
        data = text.getvalue().encode()
    _write(output, data)
    if str(output) == "-":
        return
    emit(
        {"file": str(output), "contacts": len(found), "from": first, "to": last},
        as_json,
        table=lambda d: f"Wrote {d['file']}: {d['contacts']} contacts from {first} to {last}.",
    )


# -- export and import ---------------------------------------------------------------------------


def export(
    output: Output,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Write everything you own to FILE.json (files beside it in FILE.files.zip) or FILE.zip."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.documents import archive

    if str(output) == "-":
        fail("export to a file: -o FILE.json or -o FILE.zip", USAGE)
    try:
        written = archive.write(seeker, output, now=now())
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}", USAGE)
    emit(
        {"files": [str(p) for p in written]},
        as_json,
        table=lambda d: "Wrote " + " and ".join(d["files"]) + ".",
    )


def import_(
    file: Annotated[
        Path,
        typer.Argument(help="A Pursuit export (.json or .zip), or another tracker's .csv."),
    ],
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="CSV: which column holds a field (company, role, contact, interview_date, "
            "promise, status); repeat for each. Unmapped fields are matched by column name.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="CSV: show what would be imported; save nothing.")
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="CSV: import the good rows, report the bad ones.")
    ] = False,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Load a Pursuit export into this (empty) account, or applications from a CSV file.

    Nothing is half-imported: a problem anywhere keeps the whole file out (for a CSV, unless
    --skip-bad).
    """
    data = _read(file)
    columns = _mapping(mapping or [])
    open_db(data_dir)
    seeker = acting_seeker(user)
    if file.suffix.lower() == ".csv":
        _import_csv(seeker, data, columns, dry_run=dry_run, skip_bad=skip_bad, as_json=as_json)
        return
    if columns or dry_run or skip_bad:
        fail("--map, --dry-run and --skip-bad are for a .csv file", USAGE)
    from pursuit.documents import archive, exchange

    with refusals():
        source = archive.read_path(file, into=seeker)
        with _Progress("Importing") as advance:
            loaded = exchange.load(seeker=seeker, source=source, progress=advance)
    emit({"imported": loaded.counts}, as_json, table=lambda d: f"Imported {loaded.summary}.")


def _mapping(given: list[str]) -> dict[str, str]:
    found = {}
    for item in given:
        ours, sep, column = item.partition("=")
        if not sep or not ours.strip():
            fail(f"--map {item!r}: write FIELD=COLUMN, such as role=Position", USAGE)
        found[ours.strip()] = column.strip()
    return found


def _import_csv(
    seeker: Seeker,
    data: bytes,
    columns: dict[str, str],
    *,
    dry_run: bool,
    skip_bad: bool,
    as_json: bool,
) -> None:
    from pursuit.documents.tracker_csv import import_applications

    with refusals(), _Progress("Reading rows") as advance:
        report = import_applications(
            seeker=seeker,
            data=data,
            mapping=columns,
            dry_run=dry_run,
            skip_bad=skip_bad,
            now=now(),
            progress=advance,
        )
    emit(_report_json(report), as_json, table=_report_lines)
    # Refused, or would be (a dry run): a bad row keeps the file out unless --skip-bad.
    if report.problems and not skip_bad:
        raise typer.Exit(REFUSED)


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "rows": report.rows,
        "mapping": report.mapping,
        "dry_run": report.dry_run,
        "saved": report.saved,
        "imported": [
            {
                "row": r.row,
                "company": r.company,
                "role": r.role,
                "status": str(r.status),
                "next_step": r.next_step,
            }
            for r in report.imported
        ],
        "problems": [
            {"row": p.row, "column": p.column, "message": p.message} for p in report.problems
        ],
    }


def _report_lines(data: dict[str, Any]) -> Any:
    from rich.console import Group
    from rich.table import Table

    columns = ", ".join(f"{ours} ← {col!r}" for ours, col in data["mapping"].items())
    parts: list[Any] = [f"Columns: {columns}"]
    table = Table(box=None, pad_edge=False)
    for name in ("row", "company", "role", "status", "next step"):
        table.add_column(name, overflow="fold")
    for r in data["imported"]:
        table.add_row(str(r["row"]), r["company"], r["role"], r["status"], r["next_step"] or "—")
    if data["imported"]:
        parts.append(table)
    for p in data["problems"]:
        where = f"row {p['row']}" + (f", column {p['column']!r}" if p["column"] else "")
        parts.append(f"[red]{where}:[/red] {p['message']}")
    n, bad = len(data["imported"]), len(data["problems"])
    if data["dry_run"]:
        parts.append(f"Dry run: {n} of {data['rows']} rows would be imported; nothing was saved.")
    elif data["saved"]:
        skipped = f", {bad} skipped" if bad else ""
        parts.append(f"Imported {n} of {data['rows']} rows{skipped}.")
    else:
        parts.append(
            f"Nothing imported: {bad} bad row{'s' if bad != 1 else ''}. Fix them, or import "
            "the rest with --skip-bad."
        )
    return Group(*parts)


class _Progress:
    """A progress bar on stderr while rows load; silent when stderr is no terminal."""

    def __init__(self, label: str) -> None:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        self._bar = Progress(console=console, transient=True, disable=not console.is_terminal)
        self._task = self._bar.add_task(label, total=None)

    def __enter__(self) -> Any:
        self._bar.start()

        def advance(done: int, total: int) -> None:
            self._bar.update(self._task, completed=done, total=total)

        return advance

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()
