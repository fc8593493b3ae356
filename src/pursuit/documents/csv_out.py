"""The one CSV writer every export uses: cells a spreadsheet would run as a formula are defused.

A work-search log goes to agency staff who open it in a spreadsheet; a company named
`=HYPERLINK(...)` must arrive as text, not as a live formula. As OWASP recommends, a cell that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
spreadsheets read as "this is text" (a phone written "+1 212…" shows as it was typed).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

#: What makes Excel, LibreOffice and Google Sheets start a formula (tab and CR: via their
#: paste-and-split behaviour).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class Writer:
    """`csv.writer` with every cell defused."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([defused(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
