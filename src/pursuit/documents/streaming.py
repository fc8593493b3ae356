"""A long import as a page that fills in while it runs: a progress bar, then the result.

The import is a generator (progress.Steps) consumed while the response streams, in the request's
own thread and transaction; the page needs no script and no second request, and works the same
with several server processes. A bar is sent each time the percentage moves; the stylesheet
shows only the newest.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html

from pursuit.documents.progress import Steps
from pursuit.errors import ServiceError
from pursuit.web.format import sentence

#: Where the page's shell is cut: the bars and the result go in between.
MARK = "<!-- progress -->"
_STEP = '<p class="import-step"><progress max="{}" value="{}">{}%</progress> {} of {}</p>\n'


def streamed(
    request: HttpRequest,
    *,
    title: str,
    steps: Steps[Any],
    result: str,
    context: Mapping[str, Any] | None = None,
    done: Callable[[Any], None] | None = None,
) -> StreamingHttpResponse:
    """Run `steps` while the page streams; `result` (a template) shows what they returned
    (`result`) or why they were refused (`problem`). `done` runs after a finished import."""
    shell = render_to_string(
        "documents/working.html", {"title": title, "nav": "documents"}, request=request
    )
    head, tail = shell.split(MARK, 1)

    def body() -> Iterator[str]:
        yield head
        outcome, problem = None, None
        try:
            outcome = yield from _bars(steps)
        except ServiceError as error:
            problem = sentence(error.message)
        if outcome is not None and done is not None:
            done(outcome)
        extra = {**(context or {}), "result": outcome, "problem": problem}
        yield "</div>\n" + render_to_string(result, extra, request=request)
        yield tail

    response = StreamingHttpResponse(body(), content_type="text/html; charset=utf-8")
    # A proxy in front would otherwise hold the bars back until the import is over.
    response["X-Accel-Buffering"] = "no"
    response["Cache-Control"] = "private, no-store"
    return response


def _bars(steps: Steps[Any]) -> Generator[str, None, Any]:
    shown = -1
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value
        percent = 100 * done // total if total else 100
        if percent != shown:
            shown = percent
            yield format_html(_STEP, total, done, percent, f"{done:,}", f"{total:,}")
