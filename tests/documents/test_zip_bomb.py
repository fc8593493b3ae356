"""The account import and a zip bomb: the empty account comes first, the unpacking is counted."""

from __future__ import annotations

import io
import tempfile
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign
from pursuit.documents import archive
from pursuit.errors import ServiceError

from .conftest import local_campaign
from .test_views import client_for, content

CLAIMED = 2 * 1024**3
_MIB = 1024 * 1024


def _deflated_zeros(size: int) -> bytes:
    """Raw deflate of `size` zero bytes, built from one MiB's worth repeated.

    A full flush resets the compressor, so every MiB of zeros compresses to the same bytes:
    the 2 GiB stream is put together without compressing 2 GiB.
    """
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(bytes(_MIB)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(bytes(_MIB)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    assert again == block
    return block * (size // _MIB) + squeeze.flush(zlib.Z_FINISH)


def _bomb() -> bytes:
    """A zip archive whose one file claims, and holds, 2 GiB of zeros."""
    deflated = _deflated_zeros(CLAIMED)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", allowZip64=True) as zf:
        zf.writestr("pursuit.json", b"{}")
        # zipfile takes no bytes deflated beforehand: the entry is written by hand.
        entry = zipfile.ZipInfo("files/resumes/1.pdf")
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.file_size, entry.compress_size = CLAIMED, len(deflated)
        entry.CRC = 0  # never reached: the unpacking stops at the limit
        entry.header_offset = out.tell()
        out.write(entry.FileHeader(zip64=True))
        out.write(deflated)
        zf.filelist.append(entry)
        zf.NameToInfo[entry.filename] = entry
        zf.start_dir = out.tell()
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb()


@pytest.fixture
def staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "staging"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_bomb_is_small_and_claims_two_gib(bomb: bytes) -> None:
    assert len(bomb) < 3 * _MIB
    claims = {i.filename: i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist()}
    assert claims["files/resumes/1.pdf"] == CLAIMED


def test_it_stops_a_zip_bomb_in_the_account_import_at_the_limit(
    alice: Seeker, bomb: bytes, staging: Path, settings: Any
) -> None:
    settings.IMPORT_MAX_BYTES = 20 * _MIB
    tracemalloc.start()
    try:
        with pytest.raises(ServiceError) as refused:
            archive.read_source(bomb, into=alice)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert "unpacks to more than 20 MB" in refused.value.message
    assert "PURSUIT_IMPORT_MAX_BYTES" in refused.value.message
    # Unpacked by the chunk: never the whole member (nor the limit) in memory at once.
    assert peak < 5 * _MIB
    assert list(staging.iterdir()) == []


def test_it_stops_a_zip_bomb_at_the_default_limit_of_ten_uploads(
    alice: Seeker, bomb: bytes, staging: Path
) -> None:
    with pytest.raises(ServiceError, match="unpacks to more than 100 MB"):
        archive.read_source(bomb, into=alice)
    assert list(staging.iterdir()) == []


def test_an_account_that_holds_anything_is_refused_before_the_archive_is_read(
    alice: Seeker, bomb: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local_campaign(alice)

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a member was read")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(ServiceError, match="already holds 1 company, 1 campaign"):
        archive.read_source(bomb, into=alice)
    (tmp_path / "bomb.zip").write_bytes(bomb)
    with pytest.raises(ServiceError, match="import into a new, empty account"):
        archive.read_path(tmp_path / "bomb.zip", into=alice)


def test_an_archive_of_too_many_files_is_refused(alice: Seeker, staging: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for number in range(archive.MAX_MEMBERS + 1):
            zf.writestr(f"{number}", b"")

    with pytest.raises(ServiceError, match="holds 10,001 files; an export holds at most 10,000"):
        archive.read_source(out.getvalue(), into=alice)


def test_a_member_named_outside_the_folder_stays_inside_it(alice: Seeker, staging: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("pursuit.json", b"{}")
        zf.writestr("../../escaped.pdf", b"%PDF")

    source = archive.read_source(out.getvalue(), into=alice)

    assert source.files["../../escaped.pdf"] == b"%PDF"
    assert not (staging.parent.parent / "escaped.pdf").exists()
    assert not (staging.parent / "escaped.pdf").exists()


def test_the_web_import_refuses_a_zip_bomb_with_the_limit_and_what_to_do(
    alice: Seeker, bomb: bytes, settings: Any
) -> None:
    settings.IMPORT_MAX_BYTES = 20 * _MIB
    response = client_for(alice).post("/documents/import", {"file": _upload(bomb, "pursuit.zip")})

    assert response.status_code == 400
    page = " ".join(content(response).split())
    assert "unpacks to more than 20 MB" in page and "export the account again" in page
    assert not Campaign.objects.filter(seeker=alice).exists()


def test_the_cli_import_refuses_a_zip_bomb_in_one_line(
    cli: Callable[..., Any], owner: Seeker, bomb: bytes, tmp_path: Path
) -> None:
    (tmp_path / "bomb.zip").write_bytes(bomb)

    refused = cli("import", str(tmp_path / "bomb.zip"))

    assert refused.code == 1
    assert "unpacks to more than 100 MB" in refused.err
    assert "Traceback" not in refused.err


def _upload(data: bytes, name: str) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file
