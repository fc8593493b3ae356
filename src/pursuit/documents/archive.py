"""A seeker's export on disk or on the wire: the JSON document and the files it refers to.

`FILE.zip` holds `pursuit.json` and the files (the web download is one); `FILE.json` is the
document alone, with `FILE.files.zip` beside it when there are files. Each file's SHA-256 is noted
in its record, so an import knows a damaged or swapped file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage

from pursuit.accounts.models import Seeker
from pursuit.documents import exchange
from pursuit.documents.exchange import sha256
from pursuit.errors import ServiceError

ARCHIVE_DOCUMENT = "pursuit.json"
FILES_SUFFIX = ".files.zip"


def _read_files(result: exchange.Export) -> dict[str, bytes]:
    """Every file's bytes by archive name; each record notes its file's digest for the import."""
    contents = {}
    for name, stored, record in result.files:
        with default_storage.open(stored, "rb") as file:
            contents[name] = bytes(file.read())
        record["sha256"] = sha256(contents[name])
    return contents


def dumps(document: Mapping[str, Any]) -> bytes:
    # Compact: indenting a large account's document took longer than reading it from the
    # database. `python -m json.tool` shows it indented.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def write(seeker: Seeker, path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Export to `path`: one archive when it ends in .zip, else JSON (and its files beside it).

    Returns the paths written.
    """
    result = exchange.export(seeker, now=now)
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
    result = exchange.export(seeker, now=now)
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


def read_source(data: bytes, *, files: bytes | None = None) -> exchange.Source:
    """A document from the bytes of a .zip archive or of a .json file (with its files archive)."""
    if data[:4] == b"PK\x03\x04":
        contents = _unzip(data)
        if ARCHIVE_DOCUMENT not in contents:
            raise ServiceError(f"this archive has no {ARCHIVE_DOCUMENT}: is it a Pursuit export?")
        return exchange.Source(_loads(contents.pop(ARCHIVE_DOCUMENT)), contents)
    return exchange.Source(_loads(data), _unzip(files) if files else {})


def read_path(path: Path) -> exchange.Source:
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
