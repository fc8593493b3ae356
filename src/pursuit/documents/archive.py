"""A seeker's export on disk or on the wire: the JSON document and the files it refers to.

`FILE.zip` holds `pursuit.json` and the files (the web download is one); `FILE.json` is the
document alone, with `FILE.files.zip` beside it when there are files. Each file's SHA-256 is noted
in its record, so an import knows a damaged or swapped file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage

from pursuit.accounts.models import Seeker
from pursuit.documents import exchange
from pursuit.documents.exchange import sha256
from pursuit.errors import ServiceError

ARCHIVE_DOCUMENT = "pursuit.json"
FILES_SUFFIX = ".files.zip"
#: An export holds one file per résumé and offer letter: far fewer than this.
MAX_MEMBERS = 10_000
_CHUNK = 64 * 1024


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


def read_source(data: bytes, *, into: Seeker, files: bytes | None = None) -> exchange.Source:
    """A document from the bytes of a .zip archive or of a .json file (with its files archive).

    `into` must be empty: that is checked before any of the archive is read.
    """
    exchange.require_empty(into)
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise _too_big(settings.IMPORT_MAX_BYTES)
    if data[:4] == b"PK\x03\x04":
        contents = _unzip(data)
        if ARCHIVE_DOCUMENT not in contents:
            raise ServiceError(f"this archive has no {ARCHIVE_DOCUMENT}: is it a Pursuit export?")
        return exchange.Source(_loads(contents.take(ARCHIVE_DOCUMENT)), contents)
    return exchange.Source(_loads(data), _unzip(files) if files else {})


def read_path(path: Path, *, into: Seeker) -> exchange.Source:
    exchange.require_empty(into)
    try:
        data = path.read_bytes()
        beside = files_archive_of(path)
        files = beside.read_bytes() if path.suffix.lower() == ".json" and beside.exists() else None
    except OSError as error:
        raise ServiceError(f"cannot read {path}: {error.strerror}") from None
    return read_source(data, into=into, files=files)


class Staged(Mapping[str, bytes]):
    """An archive's files unpacked into a private temporary folder, read back one at a time.

    Each file is staged under a number, never under its name in the archive, so a name such as
    `../../x` cannot write outside the folder. The folder goes when this object does.
    """

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="pursuit-import-")
        self._paths: dict[str, Path] = {}

    def path_for(self, name: str) -> Path:
        path = Path(self._folder.name) / str(len(self._paths))
        self._paths[name] = path
        return path

    def close(self) -> None:
        self._folder.cleanup()

    def take(self, name: str) -> bytes:
        return self._paths.pop(name).read_bytes()

    def __getitem__(self, name: str) -> bytes:
        return self._paths[name].read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _too_big(limit: int) -> ServiceError:
    return ServiceError(
        f"this archive unpacks to more than {limit / (1024 * 1024):.0f} MB, the most an import "
        "takes: export the account again from Pursuit, or ask whoever runs this server to raise "
        "PURSUIT_IMPORT_MAX_BYTES"
    )


def _unzip(data: bytes) -> Staged:
    """Unpack to disk, counting the bytes as they come: the sizes an archive claims can lie."""
    limit: int = settings.IMPORT_MAX_BYTES
    staged = Staged()
    try:
        _unpack(data, staged, limit)
    except BaseException:
        staged.close()
        raise
    return staged


def _unpack(data: bytes, staged: Staged, limit: int) -> None:
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [info for info in zf.infolist() if not info.is_dir()]
            if len(members) > MAX_MEMBERS:
                raise ServiceError(
                    f"this archive holds {len(members):,} files; an export holds at most "
                    f"{MAX_MEMBERS:,}: is it a Pursuit export?"
                )
            for info in members:
                with zf.open(info) as member, staged.path_for(info.filename).open("xb") as out:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise _too_big(limit)
                        out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        raise ServiceError("this archive is damaged and cannot be read") from None


def _loads(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ServiceError(f"this is not a Pursuit export (not JSON: {error})") from None
