"""PDF in and out: checking an upload, rendering a template to paper, appending one PDF to another.

Uploads are read with pypdf before anything is stored, so a file that would fail later (at the
printer, at a merge) is refused at the door with a message that says what to do. Rendering goes
through WeasyPrint (it needs Pango, see docs/documents.md).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter

from pursuit.errors import ServiceError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Where a PDF may start: some writers put a few bytes of junk before the header, and readers
#: accept the header anywhere in the first kilobyte.
_HEADER_ZONE = 1024
#: Locales whose paper is US Letter; every other locale prints on A4.
LETTER_LOCALES = frozenset({"en_US", "en_CA"})


def paper_size(locale: str) -> str:
    """The CSS page size for a seeker's locale: "letter" or "A4"."""
    return "letter" if locale.replace("-", "_") in LETTER_LOCALES else "A4"


def too_large(size: int | None, field: str) -> ServiceError:
    """The refusal of a file over the limit, with its real size when it is known (a stream
    read only up to the limit is known to be larger, not by how much)."""
    limit = f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB"
    said = f"{size / (1024 * 1024):.1f} MB" if size is not None else f"over {limit}"
    return ServiceError(
        f"this file is {said} and the limit is {limit}: "
        "export a lighter PDF (smaller images) and upload that",
        field,
    )


def check_pdf(data: bytes, *, field: str) -> int:
    """The number of pages of an uploaded PDF, or a ServiceError that says what is wrong."""
    if len(data) > MAX_UPLOAD_BYTES:
        # Only the first bytes past the limit were read: the file's size is not known here.
        raise too_large(None, field)
    if not data:
        raise ServiceError("this file is empty", field)
    if b"%PDF-" not in data[:_HEADER_ZONE]:
        raise ServiceError(
            "this file is not a PDF: save or export it as PDF, then upload that", field
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else _count_pages(reader)
    # Untrusted bytes can trip any part of the parser; whatever it raises, the file is unusable.
    except Exception:
        raise ServiceError(
            "this PDF is damaged and cannot be read: export it again from the original", field
        ) from None
    if encrypted:
        raise ServiceError(
            "this PDF is password-protected: save a copy without a password and upload that",
            field,
        )
    if pages == 0:
        raise ServiceError("this PDF has no pages", field)
    return pages


def _count_pages(reader: PdfReader) -> int:
    # Reading every page's box walks the page tree, which is where a truncated file breaks.
    for page in reader.pages:
        _ = page.mediabox
    return len(reader.pages)


def render(template: str, context: Mapping[str, Any]) -> bytes:
    """A Django template rendered to PDF."""
    return render_pages(template, context).write_pdf()


def render_pages(template: str, context: Mapping[str, Any]) -> Any:
    """The laid-out document (a weasyprint Document): its pages can be counted before writing."""
    # Imported here: WeasyPrint loads Pango and fonts, which only PDF requests should pay for.
    from weasyprint import HTML

    return HTML(string=render_to_string(template, dict(context))).render()


def concatenate(*pdfs: bytes) -> bytes:
    """One PDF with the pages of each, in order."""
    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
