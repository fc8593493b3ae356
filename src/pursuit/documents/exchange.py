"""Everything a seeker owns as one JSON document, and back, so they can take it elsewhere
(another installation, SQLite to PostgreSQL, a coach's server).

The document lists tables of records. Each record carries every column of its row, read from the
models themselves, so a column added later travels without a change here. Rows refer to each
other by `id`s that are local to the document (1, 2, 3… in the order the rows were made): the
database's own ids never leave it, and exporting an import again gives the same document.

Files (résumés, offer letters) travel beside the document: `FILE.zip` holds `pursuit.json` and
the files; `FILE.json` gets a `FILE.files.zip` beside it when there are files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from pursuit.accounts.models import Blackout, Seeker
from pursuit.campaigns.models import (
    Action,
    Campaign,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
    Touch,
)
from pursuit.documents import pdf
from pursuit.documents.models import NoteDraft, OfferLetter, Resume
from pursuit.documents.services import NewFiles
from pursuit.errors import ServiceError
from pursuit.method.calendar import CalendarError, check_country, zone_named
from pursuit.method.playbook import Playbook, PlaybookError
from pursuit.reminders.models import CampaignPause, ReminderSettings

FORMAT = "pursuit-export"
VERSION = 1
ARCHIVE_DOCUMENT = "pursuit.json"
FILES_SUFFIX = ".files.zip"
BATCH = 500

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the document: its rows belong to the seeker through `owner`."""

    key: str
    model: type[models.Model]
    owner: str
    #: Foreign keys, by field name, and the table their ids point into.
    refs: Mapping[str, str] = field(default_factory=dict)
    #: Columns that stay with the installation: secrets, and state of this server.
    skip: frozenset[str] = frozenset()
    #: One row per seeker, which may exist already (made on first use): it is updated in place.
    single: bool = False


TABLES = (
    Table("blackouts", Blackout, "seeker"),
    Table("companies", Company, "seeker"),
    Table("contacts", Contact, "seeker", {"company": "companies"}),
    Table("campaigns", Campaign, "seeker", {"company": "companies", "contact": "contacts"}),
    Table("interviews", Interview, "campaign__seeker", {"campaign": "campaigns"}),
    Table(
        "promises",
        Promise,
        "campaign__seeker",
        {"campaign": "campaigns", "interview": "interviews"},
    ),
    Table("steps", Action, "seeker", {"campaign": "campaigns"}),
    Table("touches", Touch, "campaign__seeker", {"campaign": "campaigns", "action": "steps"}),
    Table("offers", Offer, "campaign__seeker", {"campaign": "campaigns"}),
    Table("resumes", Resume, "seeker"),
    Table("notes", NoteDraft, "campaign__seeker", {"campaign": "campaigns", "resume": "resumes"}),
    Table("offer_letters", OfferLetter, "offer__campaign__seeker", {"offer": "offers"}),
    Table("pauses", CampaignPause, "campaign__seeker", {"campaign": "campaigns"}),
    Table(
        "reminder_settings",
        ReminderSettings,
        "seeker",
        # The feed token is a password to the calendar feed; the salt keeps event UIDs apart
        # between installations; the rest is this server's cache of the feed.
        skip=frozenset(
            {"feed_token", "uid_salt", "feed_etag", "feed_changed_at", "token_rotated_at"}
        ),
        single=True,
    ),
)

#: Profile columns that are not the seeker's to carry: the link to the login, the row's age.
_PROFILE_SKIP = frozenset({"id", "user", "created_at"})


def columns(table: Table) -> list[models.Field[Any, Any]]:
    """The columns a record carries: every concrete field but the id, the seeker (implied) and
    the ones the table leaves behind."""
    return [
        f
        for f in table.model._meta.concrete_fields
        if not f.primary_key
        and not (f.is_relation and f.related_model is Seeker)
        and f.name not in table.skip
    ]


# -- export --------------------------------------------------------------------------------------


@dataclass
class Export:
    document: dict[str, Any]
    files: list[_FileRef]


def export(seeker: Seeker, *, now: dt.datetime | None = None) -> Export:
    """The seeker's whole account as a JSON-ready document and the files it refers to."""
    seeker = Seeker.objects.select_related("user").get(pk=seeker.pk)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or timezone.now()).isoformat(),
        "profile": {"email": seeker.user.email, **_profile(seeker)},
    }
    ids: dict[str, dict[int, int]] = {}
    files: list[_FileRef] = []
    for table in TABLES:
        document[table.key] = _export_table(table, seeker, ids, files)
    return Export(document, files)


def _profile(seeker: Seeker) -> dict[str, Any]:
    return {
        f.name: _portable(getattr(seeker, f.attname))
        for f in Seeker._meta.concrete_fields
        if f.name not in _PROFILE_SKIP
    }


def _portable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.time) else value


#: A file a record refers to: its name in the archive, its storage name, and the record.
_FileRef = tuple[str, str, dict[str, Any]]


def _export_table(
    table: Table, seeker: Seeker, ids: dict[str, dict[int, int]], files: list[_FileRef]
) -> list[dict[str, Any]]:
    cols = columns(table)
    writers = [_writer(table, col, ids) for col in cols]
    names = [col.name for col in cols]
    rows = (
        table.model._default_manager.filter(**{table.owner: seeker})
        .order_by("pk")
        .values_list("pk", *(col.attname for col in cols))
    )
    own: dict[int, int] = {}
    out = []
    for number, (pk, *values) in enumerate(rows.iterator(chunk_size=2000), 1):
        own[pk] = number
        record: dict[str, Any] = {"id": number}
        for name, write_value, value in zip(names, writers, values, strict=True):
            record[name] = write_value(value) if value is not None else None
        if "file" in record:
            stored, record["file"] = record["file"], f"files/{table.key}/{number}.pdf"
            files.append((record["file"], stored, record))
        out.append(record)
    ids[table.key] = own
    return out


def _writer(
    table: Table, col: models.Field[Any, Any], ids: dict[str, dict[int, int]]
) -> Callable[[Any], Any]:
    if col.is_relation:
        return ids[table.refs[col.name]].__getitem__
    if isinstance(col, models.DateField | models.TimeField):  # datetimes are DateFields
        return _portable
    return _same


def _same(value: Any) -> Any:
    return value


# -- archives ------------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_files(result: Export) -> dict[str, bytes]:
    """Every file's bytes by archive name; each record notes its file's digest for the import."""
    contents = {}
    for name, stored, record in result.files:
        with default_storage.open(stored, "rb") as file:
            contents[name] = bytes(file.read())
        record["sha256"] = _sha256(contents[name])
    return contents


def dumps(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def write(seeker: Seeker, path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Export to `path`: one archive when it ends in .zip, else JSON (and its files beside it).

    Returns the paths written.
    """
    result = export(seeker, now=now)
    contents = _read_files(result)
    if path.suffix.lower() == ".zip":
        path.write_bytes(archive(result.document, contents))
        return [path]
    path.write_bytes(dumps(result.document))
    if not contents:
        return [path]
    beside = files_archive_of(path)
    beside.write_bytes(_zip(contents))
    return [path, beside]


def archive_bytes(seeker: Seeker, *, now: dt.datetime | None = None) -> bytes:
    """The whole account as one zip archive (the web download)."""
    result = export(seeker, now=now)
    return archive(result.document, _read_files(result))


def archive(document: Mapping[str, Any], contents: Mapping[str, bytes]) -> bytes:
    return _zip({ARCHIVE_DOCUMENT: dumps(document), **contents})


def _zip(contents: Mapping[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in contents.items():
            # PDFs are compressed already; the JSON shrinks a lot.
            method = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            zf.writestr(name, data, compress_type=method)
    return out.getvalue()


def files_archive_of(path: Path) -> Path:
    return path.with_name(path.stem + FILES_SUFFIX)


@dataclass
class Source:
    """A document to import and where its files come from."""

    document: Any
    files: Mapping[str, bytes]


def read_source(data: bytes, *, files: bytes | None = None) -> Source:
    """A document from the bytes of a .zip archive or of a .json file (with its files archive)."""
    if data[:4] == b"PK\x03\x04":
        contents = _unzip(data)
        if ARCHIVE_DOCUMENT not in contents:
            raise ServiceError(f"this archive has no {ARCHIVE_DOCUMENT}: is it a Pursuit export?")
        return Source(_loads(contents.pop(ARCHIVE_DOCUMENT)), contents)
    return Source(_loads(data), _unzip(files) if files else {})


def read_path(path: Path) -> Source:
    try:
        data = path.read_bytes()
        beside = files_archive_of(path)
        files = beside.read_bytes() if path.suffix.lower() == ".json" and beside.exists() else None
    except OSError as error:
        raise ServiceError(f"cannot read {path}: {error.strerror}") from None
    return read_source(data, files=files)


def _unzip(data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ServiceError("this archive is damaged and cannot be read") from None


def _loads(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ServiceError(f"this is not a Pursuit export (not JSON: {error})") from None


# -- import --------------------------------------------------------------------------------------


@dataclass
class Imported:
    """How many records of each table were loaded."""

    counts: dict[str, int]


def load(*, seeker: Seeker, source: Source, progress: Progress | None = None) -> Imported:
    """Load an export into `seeker`'s account, which must hold no campaigns yet: all or nothing.

    Every record is checked against its model before anything is written; a problem names the
    table, the record and the column.
    """
    document = source.document
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ServiceError("this is not a Pursuit export")
    if document.get("version") != VERSION:
        raise ServiceError(
            f"this export has version {document.get('version')!r}; this Pursuit reads "
            f"version {VERSION}: update Pursuit, then import again"
        )
    tables = {t.key: _records(document, t.key) for t in TABLES}
    total = sum(len(records) for records in tables.values())
    done = 0
    counts: dict[str, int] = {}
    with NewFiles() as stored, transaction.atomic():
        seeker = Seeker.objects.select_for_update().get(pk=seeker.pk)
        _require_empty(seeker)
        _load_profile(seeker, document.get("profile"))
        made: dict[str, dict[int, models.Model]] = {}
        for table in TABLES:
            rows = [
                _build(table, record, n, seeker, made) for n, record in enumerate(tables[table.key])
            ]
            if table.key == "companies":
                _check_companies(rows)
            for row, record in zip(rows, tables[table.key], strict=True):
                if hasattr(row, "file"):
                    stored.save(row.file, _file_for(table, record, source.files))
            if table.single:
                made[table.key] = _update_single(table, rows, seeker)
            else:
                made[table.key] = _create(table, rows)
            counts[table.key] = len(rows)
            done += len(rows)
            if progress is not None:
                progress(done, total)
        return Imported(counts)


def _records(document: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    records = document.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ServiceError(f"{key}: expected a list of records")
    return records


def _require_empty(seeker: Seeker) -> None:
    held = [
        f"{n} {name}"
        for name, n in (
            ("companies", Company.objects.filter(seeker=seeker).count()),
            ("campaigns", Campaign.objects.filter(seeker=seeker).count()),
            ("résumés", Resume.objects.filter(seeker=seeker).count()),
        )
        if n
    ]
    if held:
        raise ServiceError(
            f"this account already holds {', '.join(held)}: import into a new, empty account"
        )


def _load_profile(seeker: Seeker, profile: Any) -> None:
    if not isinstance(profile, dict):
        raise ServiceError("profile: missing")
    cols = [f for f in Seeker._meta.concrete_fields if f.name not in _PROFILE_SKIP]
    for col in cols:
        if col.name in profile:
            setattr(seeker, col.attname, _read_value(col, profile[col.name], "profile"))
    try:
        zone_named(seeker.zone)
        seeker.country, subdiv = check_country(seeker.country, seeker.subdiv or None)
        seeker.subdiv = subdiv or ""
        Playbook.from_dict(seeker.playbook_overrides)
    except (CalendarError, PlaybookError) as error:
        raise ServiceError(f"profile: {error}") from None
    seeker.save(update_fields=[c.attname for c in cols])


def _build(
    table: Table,
    record: dict[str, Any],
    index: int,
    seeker: Seeker,
    made: dict[str, dict[int, models.Model]],
) -> models.Model:
    where = f"{table.key}[{index}]"
    values: dict[str, Any] = {}
    for col in columns(table):
        name = col.name
        if col.is_relation:
            ref = record.get(name)
            if ref is None and col.null:
                values[name] = None
                continue
            target = made[table.refs[name]].get(ref) if isinstance(ref, int) else None
            if target is None:
                into = table.refs[name]
                raise ServiceError(f"{where}.{name}: no record with id {ref!r} in {into}")
            values[name] = target
        elif isinstance(col, models.FileField):
            continue
        elif name in record:
            values[name] = _read_value(col, record[name], where)
        elif col.has_default() or col.null or col.blank:
            values[name] = col.get_default()
        else:
            raise ServiceError(f"{where}.{name}: missing")
    if any(f.name == "seeker" for f in table.model._meta.concrete_fields):
        values["seeker"] = seeker
    row = table.model(**values)
    row._document_id = record.get("id")  # type: ignore[attr-defined]
    return row


def _read_value(col: models.Field[Any, Any], value: Any, where: str) -> Any:
    """A JSON value as the column holds it, or a ServiceError naming the record and column."""
    here = f"{where}.{col.name}"
    if value is None:
        if col.null:
            return None
        raise ServiceError(f"{here}: may not be empty")
    try:
        if isinstance(col, models.DateTimeField):
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("a time needs its UTC offset")
            return moment
        if isinstance(col, models.DateField):
            return dt.date.fromisoformat(value)
        if isinstance(col, models.TimeField):
            return dt.time.fromisoformat(value)
        if isinstance(col, models.BooleanField):
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if isinstance(col, models.FloatField):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("expected a number")
            return float(value)
        if isinstance(col, models.IntegerField):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("expected a whole number")
            if "Positive" in type(col).__name__ and value < 0:
                raise ValueError("expected zero or more")
            return value
        if isinstance(col, models.JSONField):
            return value
        if not isinstance(value, str):
            raise ValueError("expected text")
        if col.max_length is not None and len(value) > col.max_length:
            raise ValueError(f"longer than {col.max_length} characters")
        known = {str(key) for key, _ in col.flatchoices} if col.choices else None
        if known is not None and value not in known and not (value == "" and col.blank):
            raise ValueError(f"{value!r} is not one of the known values")
        return value
    except (TypeError, ValueError) as error:
        raise ServiceError(f"{here}: {error}") from None


def _check_companies(rows: list[models.Model]) -> None:
    seen: set[str] = set()
    for index, company in enumerate(rows):
        assert isinstance(company, Company)
        if company.name in seen:
            raise ServiceError(f"companies[{index}].name: {company.name!r} appears twice")
        seen.add(company.name)
        try:
            zone_named(company.zone)
            check_country(company.country, company.subdiv or None)
        except CalendarError as error:
            raise ServiceError(f"companies[{index}]: {error}") from None


def _file_for(table: Table, record: Mapping[str, Any], files: Mapping[str, bytes]) -> bytes:
    name = record.get("file")
    where = f"{table.key}[id {record.get('id')}].file"
    if not isinstance(name, str) or name not in files:
        raise ServiceError(
            f"{where}: {name!r} is not among the export's files: import the .zip archive, or "
            f"keep the {FILES_SUFFIX} archive next to the .json file"
        )
    data = files[name]
    digest = record.get("sha256")
    if digest is not None and digest != _sha256(data):
        raise ServiceError(f"{where}: {name} is not the file that was exported (damaged?)")
    pdf.check_pdf(data, field="file")
    return data


#: Columns Django fills in on save; the document's values are put back after the insert.
def _stamped(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


def _update_single(
    table: Table, rows: list[models.Model], seeker: Seeker
) -> dict[int, models.Model]:
    if len(rows) > 1:
        raise ServiceError(f"{table.key}: one record at most")
    existing = table.model._default_manager.filter(seeker=seeker).first()
    if not rows or existing is None:
        return _create(table, rows)
    names = [col.attname for col in columns(table)]
    for name in names:
        setattr(existing, name, getattr(rows[0], name))
    existing.save(update_fields=names)
    return {rows[0]._document_id: existing}  # type: ignore[attr-defined]


def _create(table: Table, rows: list[models.Model]) -> dict[int, models.Model]:
    stamped = _stamped(table.model)
    kept = [[getattr(row, name) for name in stamped] for row in rows]
    try:
        created = table.model._default_manager.bulk_create(rows, batch_size=BATCH)
    except IntegrityError as error:
        raise ServiceError(
            f"{table.key}: the records break a rule of the database ({error})"
        ) from None
    if stamped:
        for row, values in zip(created, kept, strict=True):
            for name, value in zip(stamped, values, strict=True):
                setattr(row, name, value)
        table.model._default_manager.bulk_update(created, stamped, batch_size=BATCH)
    by_id: dict[int, models.Model] = {}
    for row in created:
        document_id = row._document_id  # type: ignore[attr-defined]
        if not isinstance(document_id, int) or document_id in by_id:
            raise ServiceError(f"{table.key}: every record needs its own whole-number id")
        by_id[document_id] = row
    return by_id
