"""Everything a seeker owns as one JSON document, and back, so they can take it elsewhere
(another installation, SQLite to PostgreSQL, a coach's server).

The document lists tables of records. Each record carries every column of its row, read from the
models themselves, so a column added later travels without a change here. Rows refer to each
other by `id`s that are local to the document (1, 2, 3… in the order the rows were made): the
database's own ids never leave it, and exporting an import again gives the same document.

Files (résumés, offer letters) travel beside the document (archive.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import IntegrityError, connections, models, transaction
from django.utils import timezone

from pursuit.accounts.models import Blackout, Seeker
from pursuit.campaigns.models import (
    Action,
    Campaign,
    CampaignEvent,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
    Touch,
)
from pursuit.documents import pdf
from pursuit.documents.models import NoteDraft, OfferLetter, Resume
from pursuit.documents.progress import Progress, Steps, drive
from pursuit.documents.services import NewFiles
from pursuit.errors import ServiceError
from pursuit.method.calendar import CalendarError, check_country, zone_named
from pursuit.method.playbook import Playbook, PlaybookError
from pursuit.reminders.models import CampaignPause, ReminderSettings
from pursuit.validation import LONG_TEXT, day, moment, one_line, text

FORMAT = "pursuit-export"
VERSION = 1
BATCH = 500


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
        "history",
        CampaignEvent,
        "campaign__seeker",
        {"campaign": "campaigns"},
        # Who wrote stays as the label (an account is this server's); the snapshots an undo puts
        # back name this database's row ids, so an imported history starts undoable afresh.
        skip=frozenset({"user", "before"}),
    ),
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
    # The base manager: the Trash goes along, so a round trip loses nothing.
    rows = (
        table.model._base_manager.filter(**{table.owner: seeker})
        .order_by("pk")
        .values_list("pk", *(col.attname for col in cols))
    )
    own: dict[int, int] = {}
    out = []
    for number, (pk, *values) in enumerate(_driver_rows(rows), 1):
        own[pk] = number
        record: dict[str, Any] = {"id": number}
        record.update(
            zip(
                names,
                [None if v is None else w(v) for w, v in zip(writers, values, strict=True)],
                strict=True,
            )
        )
        if "file" in record:
            stored, record["file"] = record["file"], f"files/{table.key}/{number}.pdf"
            files.append((record["file"], stored, record))
        out.append(record)
    ids[table.key] = own
    return out


def _driver_rows(query: models.QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows as the database driver returns them, before Django's converters, which make
    every time zone-aware for the export only to print it again (a third of an export's time).
    `_writer` reads both backends' raw values."""
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(2000):
            yield from batch


def _writer(
    table: Table, col: models.Field[Any, Any], ids: dict[str, dict[int, int]]
) -> Callable[[Any], Any]:
    if col.is_relation:
        return ids[table.refs[col.name]].__getitem__
    if isinstance(col, models.DateTimeField):
        return _utc_text
    if isinstance(col, models.DateField | models.TimeField):
        return _portable
    if isinstance(col, models.BooleanField):
        return bool
    if isinstance(col, models.JSONField):
        return _json_value
    return _same


def _utc_text(value: dt.datetime | str) -> str:
    """A stored time as ISO 8601 in UTC. SQLite's driver gives it without an offset (Django keeps
    UTC there), PostgreSQL's with one."""
    if isinstance(value, str):
        return value.replace(" ", "T", 1) + "+00:00"
    if value.tzinfo is None:
        return value.isoformat() + "+00:00"
    return value.astimezone(dt.UTC).isoformat()


def _json_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    # Most of these columns hold an empty list or object; those need no parser.
    if value == "[]":
        return []
    if value == "{}":
        return {}
    return json.loads(value)


def _same(value: Any) -> Any:
    return value


@dataclass
class Source:
    """A document to import and where its files come from."""

    document: Any
    files: Mapping[str, bytes]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- import --------------------------------------------------------------------------------------


@dataclass
class Imported:
    """How many records of each table were loaded."""

    counts: dict[str, int]

    @property
    def summary(self) -> str:
        """ "2 companies, 2 campaigns, 1 résumé…": the tables that had records."""
        return ", ".join(_count(key, n) for key, n in self.counts.items() if n)


#: How a table's records are counted in words, one and many.
_WORDS = {
    "blackouts": ("period off", "periods off"),
    "companies": ("company", "companies"),
    "contacts": ("contact", "contacts"),
    "campaigns": ("campaign", "campaigns"),
    "interviews": ("interview", "interviews"),
    "promises": ("promise", "promises"),
    "steps": ("step", "steps"),
    "touches": ("thing that happened", "things that happened"),
    "offers": ("offer", "offers"),
    "resumes": ("résumé", "résumés"),
    "notes": ("note", "notes"),
    "offer_letters": ("offer letter", "offer letters"),
    "pauses": ("pause", "pauses"),
    "reminder_settings": ("set of reminder settings", "sets of reminder settings"),
}


def _count(key: str, n: int) -> str:
    one, many = _WORDS.get(key, (key.replace("_", " "),) * 2)
    return f"{n} {one if n == 1 else many}"


def load(*, seeker: Seeker, source: Source, progress: Progress | None = None) -> Imported:
    """Load an export into `seeker`'s account, which must hold no campaigns yet: all or nothing.

    Every record is checked against its model as it is read; a problem names the table, the
    record and the column.
    """
    return drive(load_steps(seeker=seeker, source=source), progress)


def load_steps(*, seeker: Seeker, source: Source) -> Steps[Imported]:
    """`load`, yielding (records done, records) as the rows go in."""
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
        require_empty(seeker)
        _load_profile(seeker, document.get("profile"))
        made: dict[str, dict[int, models.Model]] = {}
        for table in TABLES:
            records = tables[table.key]
            build = _builder(table, seeker, made)
            rows = [build(record, index) for index, record in enumerate(records)]
            if table.key == "companies":
                _check_companies(rows)
            if any(isinstance(col, models.FileField) for col in columns(table)):
                for row, record in zip(rows, records, strict=True):
                    stored.save(row.file, _file_for(table, record, source.files))  # type: ignore[attr-defined]
            if table.single:
                made[table.key] = _update_single(table, rows, seeker)
            else:
                inserted = yield from _insert_as_given(table, rows, done, total)
                made[table.key] = inserted
            counts[table.key] = len(rows)
            done += len(rows)
            yield done, total
        return Imported(counts)


def _records(document: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    records = document.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ServiceError(f"{key}: expected a list of records")
    return records


def require_empty(seeker: Seeker) -> None:
    """Refuse an import into an account that holds anything: checked before an archive is read."""
    held = [
        _count(key, n)
        for key, n in (
            ("companies", Company.with_trash.filter(seeker=seeker).count()),
            ("campaigns", Campaign.with_trash.filter(seeker=seeker).count()),
            ("resumes", Resume.with_trash.filter(seeker=seeker).count()),
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
            value = _checked(_reader(col), col, profile[col.name], "profile")
            setattr(seeker, col.attname, value)
    try:
        zone_named(seeker.zone)
        seeker.country, subdiv = check_country(seeker.country, seeker.subdiv or None)
        seeker.subdiv = subdiv or ""
        Playbook.from_dict(seeker.playbook_overrides)
    except (CalendarError, PlaybookError) as error:
        raise ServiceError(f"profile: {error}") from None
    seeker.save(update_fields=[c.attname for c in cols])


type Column = models.Field[Any, Any]


def _builder(
    table: Table, seeker: Seeker, made: dict[str, dict[int, models.Model]]
) -> Callable[[dict[str, Any], int], models.Model]:
    """A function that makes one unsaved row of `table` from one record, checking every value;
    how to read each column is worked out once per table, not once per value."""
    plan: list[tuple[Column, Callable[[Any], Any] | None, str | None]] = [
        (col, None, table.refs[col.name]) if col.is_relation else (col, _reader(col), None)
        for col in columns(table)
        if not isinstance(col, models.FileField)
    ]
    mine = {"seeker": seeker} if _names_seeker(table.model) else {}

    def build(record: dict[str, Any], index: int) -> models.Model:
        where = f"{table.key}[{index}]"
        values: dict[str, Any] = dict(mine)
        for col, read, into in plan:
            name = col.name
            if name not in record:
                values[name] = _absent(col, where)
            elif into is not None:
                values[name] = _target(made[into], record[name], col, where, into)
            else:
                values[name] = _checked(read, col, record[name], where)  # type: ignore[arg-type]
        row = table.model(**values)
        row._document_id = record.get("id")  # type: ignore[attr-defined]
        return row

    return build


def _names_seeker(model: type[models.Model]) -> bool:
    return any(f.name == "seeker" for f in model._meta.concrete_fields)


def _absent(col: Column, where: str) -> Any:
    """A column an older export lacks takes its default; one that has none is a problem."""
    if col.null and col.is_relation:
        return None
    if not col.is_relation and (col.has_default() or col.null or col.blank):
        return col.get_default()
    raise ServiceError(f"{where}.{col.name}: missing")


def _target(
    rows: dict[int, models.Model], ref: Any, col: Column, where: str, into: str
) -> models.Model | None:
    if ref is None and col.null:
        return None
    target = rows.get(ref) if type(ref) is int else None
    if target is None:
        raise ServiceError(f"{where}.{col.name}: no record with id {ref!r} in {into}")
    return target


def _checked(read: Callable[[Any], Any], col: Column, value: Any, where: str) -> Any:
    """A JSON value as the column holds it, or a ServiceError naming the record and column."""
    if value is None:
        if col.null:
            return None
        raise ServiceError(f"{where}.{col.name}: may not be empty")
    try:
        return read(value)
    except (TypeError, ValueError) as error:
        raise ServiceError(f"{where}.{col.name}: {error}") from None
    except ServiceError as error:
        # The shared checks name the column first: "name: remove the control character…".
        raise ServiceError(f"{where}.{error.message}") from None


def _reader(col: Column) -> Callable[[Any], Any]:
    if isinstance(col, models.DateTimeField):
        return partial(_read_datetime, name=col.name)
    if isinstance(col, models.DateField):
        return partial(_read_date, name=col.name)
    if isinstance(col, models.TimeField):
        return dt.time.fromisoformat
    if isinstance(col, models.BooleanField):
        return _read_bool
    if isinstance(col, models.FloatField):
        return _read_float
    if isinstance(col, models.IntegerField):
        return partial(_read_int, least=0 if "Positive" in type(col).__name__ else None)
    if isinstance(col, models.JSONField):
        return _same
    known = frozenset(str(key) for key, _ in col.flatchoices) if col.choices else None
    return partial(_read_text, name=col.name, longest=col.max_length, known=known, blank=col.blank)


def _read_datetime(value: str, *, name: str) -> dt.datetime:
    at = dt.datetime.fromisoformat(value)
    if at.tzinfo is None:
        raise ValueError("a time needs its UTC offset")
    return moment(at, field=name)


def _read_date(value: str, *, name: str) -> dt.date:
    return day(dt.date.fromisoformat(value), field=name)


def _read_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _read_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    return float(value)


def _read_int(value: Any, *, least: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("expected a whole number")
    if least is not None and value < least:
        raise ValueError(f"expected {least} or more")
    return value


def _read_text(
    value: Any, *, name: str, longest: int | None, known: frozenset[str] | None, blank: bool
) -> str:
    """Text as the services would have stored it: a CharField holds one line, a TextField any
    number, both free of other control characters and within their bound."""
    if not isinstance(value, str):
        raise ValueError("expected text")
    if longest is None:
        # Twice what a seeker may type: a step's script is written by the engine around it.
        value = text(value, field=name, max_length=2 * LONG_TEXT)
    else:
        value = one_line(value, field=name, max_length=longest)
    if known is not None and value not in known and not (value == "" and blank):
        raise ValueError(f"{value!r} is not one of the known values")
    return value


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
            "keep the .files.zip archive next to the .json file"
        )
    data = files[name]
    digest = record.get("sha256")
    if digest is not None and digest != sha256(data):
        raise ServiceError(f"{where}: {name} is not the file that was exported (damaged?)")
    pdf.check_pdf(data, field="file")
    return data


def _update_single(
    table: Table, rows: list[models.Model], seeker: Seeker
) -> dict[int, models.Model]:
    if len(rows) > 1:
        raise ServiceError(f"{table.key}: one record at most")
    existing = table.model._default_manager.filter(seeker=seeker).first()
    if not rows or existing is None:
        return drive(_insert_as_given(table, rows))
    names = [col.attname for col in columns(table)]
    for name in names:
        setattr(existing, name, getattr(rows[0], name))
    existing.save(update_fields=names)
    return {rows[0]._document_id: existing}  # type: ignore[attr-defined]


def _insert_as_given(
    table: Table, rows: list[models.Model], done: int = 0, total: int = 0
) -> Steps[dict[int, models.Model]]:
    """Insert the rows a batch at a time, as bulk_create does, but "raw" like Django's fixture
    loading: the times Django stamps on save (created_at, updated_at) keep the document's
    values. Setting them again afterwards took longer than all the rest of an import."""
    manager = table.model._default_manager
    connection = connections[manager.db]
    fields = [
        f
        for f in table.model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "generated", False)
    ]
    returning = table.model._meta.db_returning_fields
    size = min(BATCH, max(connection.ops.bulk_batch_size(fields, rows), 1))
    try:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            returned = manager._insert(  # type: ignore[attr-defined]
                batch, fields=fields, returning_fields=returning, raw=True
            )
            for row, values in zip(batch, returned, strict=True):
                for field_, value in zip(returning, values, strict=True):
                    setattr(row, field_.attname, value)
                row._state.adding = False
                row._state.db = manager.db
            yield done + start + len(batch), total
    except IntegrityError as error:
        raise ServiceError(
            f"{table.key}: the records break a rule of the database ({error})"
        ) from None
    by_id: dict[int, models.Model] = {}
    for row in rows:
        document_id = row._document_id  # type: ignore[attr-defined]
        if type(document_id) is not int or document_id in by_id:
            raise ServiceError(f"{table.key}: every record needs its own whole-number id")
        by_id[document_id] = row
    return by_id
