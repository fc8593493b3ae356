"""docs/cli.md documents every command: a command added without its section fails here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer.main

from pursuit.cli import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def command_paths(command: object, prefix: str = "pursuit") -> Iterator[str]:
    """Every command and group under `command`, as typed: `pursuit campaign add`."""
    for name, sub in getattr(command, "commands", {}).items():
        if getattr(sub, "hidden", False):
            continue
        path = f"{prefix} {name}"
        yield path
        yield from command_paths(sub, path)


def test_every_command_is_documented_in_docs_cli_md() -> None:
    text = DOC.read_text()
    paths = list(command_paths(typer.main.get_command(app)))
    assert "pursuit campaign add" in paths  # the walk reaches the groups' commands
    missing = [path for path in paths if f"`{path}" not in text]
    assert missing == [], f"add these to {DOC.name}: {', '.join(missing)}"


def test_help_shows_flags_as_flags_not_as_values() -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    shown = set()
    for path in ["pursuit", *command_paths(typer.main.get_command(app))]:
        words = path.split()[1:]
        result = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, path
        assert "<bool>" not in result.output, path
        shown.update(flag for flag in ("--json", "--help") if flag in result.output)
    assert shown == {"--json", "--help"}
