"""Every example in docs/method.md runs as written."""

from __future__ import annotations

import doctest
from pathlib import Path

METHOD_DOC = Path(__file__).resolve().parents[2] / "docs" / "method.md"


def test_the_examples_in_the_method_doc_run_as_written() -> None:
    result = doctest.testfile(
        str(METHOD_DOC),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) in {METHOD_DOC.name} failed; see above"
