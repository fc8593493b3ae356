"""`pursuit promise`: the reading on screen and as JSON, from TEXT or a file, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pursuit.cli import app

runner = CliRunner()
THU = "2026-11-19T10:00"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["promise", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_it_prints_the_window_confidence_and_follow_up_call() -> None:
    code, out, _ = run("We'll call you by Wednesday", "--said-at", THU)
    assert code == 0
    assert "Wed Nov 25 2026 (by), confidence 0.90" in out
    assert "'by Wednesday' → the first Wednesday after Thu Nov 19" in out
    # Thanksgiving and the day after are closed: the call waits for Monday.
    assert "call on Mon Nov 30 2026 at 09:00 EST" in out


def test_it_flags_an_ambiguous_reading() -> None:
    code, out, _ = run("next Wednesday", "--said-at", "2026-11-16T15:00")
    assert code == 0
    assert "it may also mean Wed Nov 18" in out
    assert "Ambiguous" in out


def test_json_has_every_key_with_the_companys_offset() -> None:
    code, out, _ = run("next Wednesday", "--said-at", "2026-11-16T15:00", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer == {
        "earliest": "2026-11-25",
        "latest": "2026-11-25",
        "kind": "on",
        "confidence": 0.55,
        "matched": "next Wednesday",
        "explanation": answer["explanation"],
        "alternatives": [{"earliest": "2026-11-18", "latest": "2026-11-18"}],
        "follow_up_at": "2026-11-30T09:00:00-05:00",
        "lang": "en",
    }


def test_an_aware_said_at_is_read_in_the_companys_zone() -> None:
    # 23:30 in California is already Friday in New York: "tomorrow" is Saturday.
    code, out, _ = run("tomorrow", "--said-at", "2026-11-19T23:30-08:00", "--json")
    assert code == 0
    assert json.loads(out)["latest"] == "2026-11-21"


def test_json_says_the_words_were_read_as_german() -> None:
    code, out, _ = run("Wir melden uns bis Ende nächster Woche.", "--said-at", THU, "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["lang"] == "de"
    assert answer["matched"] == "bis Ende nächster Woche"
    assert (answer["earliest"], answer["latest"], answer["kind"]) == (
        "2026-11-26",
        "2026-11-27",
        "by",
    )


@pytest.mark.parametrize(
    ("lang", "latest", "kind"),
    [
        pytest.param("de", "2026-11-25", "by", id="de-reads-mittwoch"),
        pytest.param("en", "2026-11-30", "around", id="en-knows-no-mittwoch"),
        pytest.param("DE", "2026-11-25", "by", id="any-case"),
    ],
)
def test_lang_forces_the_language_the_words_are_read_in(lang: str, latest: str, kind: str) -> None:
    code, out, _ = run("bis Mittwoch", "--said-at", THU, "--lang", lang, "--json")
    assert code == 0
    answer = json.loads(out)
    assert (answer["latest"], answer["kind"], answer["lang"]) == (latest, kind, lang.lower())


def test_a_german_company_reads_day_first_and_its_own_holidays() -> None:
    code, out, _ = run(
        "in 3 working days, by 3/6 at the latest",
        "--said-at",
        "2026-05-12T10:00",
        "--tz",
        "Europe/Berlin",
        "--country",
        "de",
        "--locale",
        "de_DE",
        "--json",
    )
    assert code == 0
    answer = json.loads(out)
    assert answer["latest"] == "2026-06-03"
    # Corpus Christi (Thu Jun 4) is no holiday in Germany as a whole: see the Bavarian case.
    assert answer["follow_up_at"] == "2026-06-04T09:00:00+02:00"


def test_a_subdivision_adds_its_holidays() -> None:
    # Corpus Christi (Thu Jun 4 2026) is a holiday in Bavaria.
    code, out, _ = run(
        "by 3/6",
        "--said-at",
        "2026-05-12T10:00",
        "--tz",
        "Europe/Berlin",
        "--country",
        "DE",
        "--subdiv",
        "BY",
        "--locale",
        "de_DE",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["follow_up_at"] == "2026-06-05T09:00:00+02:00"


def test_said_at_defaults_to_now() -> None:
    code, out, _ = run("today", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["earliest"] == answer["latest"]


def test_a_file_gives_one_json_object_per_line(tmp_path: Path) -> None:
    sentences = tmp_path / "said.txt"
    sentences.write_text("by Friday\n\nnext week\n", encoding="utf-8")
    code, out, _ = run("--file", str(sentences), "--said-at", THU, "--json")
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["latest"] for a in answers] == ["2026-11-20", "2026-11-30", "2026-11-27"]
    assert answers[1]["kind"] == "around"  # a blank line keeps its place with the default


def test_a_dash_reads_the_sentences_from_stdin() -> None:
    code, out, _ = run("--file", "-", "--said-at", THU, stdin="tomorrow\nin two weeks\n")
    assert code == 0
    assert "line 1: tomorrow" in out
    assert "line 2: in two weeks" in out
    assert "Thu Dec 3 2026 (by)" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(["soon", "--said-at", "next Tuesday"], "--said-at", id="bad-said-at"),
        pytest.param(["soon", "--tz", "Mars/Base"], "time zone", id="unknown-zone"),
        pytest.param(["soon", "--country", "XX"], "country", id="unknown-country"),
        pytest.param(["soon", "--subdiv", "ZZ"], "subdivision", id="unknown-subdivision"),
        pytest.param([], "TEXT", id="no-text"),
        pytest.param(["soon", "--file", "-"], "TEXT", id="text-and-file"),
        pytest.param(["--file", "/no/such/file"], "--file", id="missing-file"),
        pytest.param(["x" * 2001], "2,000", id="too-long"),
        pytest.param(["soon", "--lang", "fr"], "--lang", id="unknown-language"),
    ],
)
def test_a_bad_input_exits_2_with_one_line_saying_what_to_fix(args: list[str], says: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert says in err


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(["by Friday"], id="english"),
        pytest.param(["bis Freitag", "--lang", "de"], id="german"),
    ],
)
def test_the_command_never_imports_django(words: list[str]) -> None:
    code = (
        "import sys\n"
        "from pursuit.cli import main\n"
        f"sys.argv = ['pursuit', 'promise', *{words!r}, '--said-at', '2026-11-19T10:00']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "assert not [m for m in sys.modules if m.startswith('django')], 'django was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Fri Nov 20 2026 (by)" in done.stdout


def test_the_console_script_answers() -> None:
    done = subprocess.run(
        [Path(sys.executable).with_name("pursuit"), "promise", "tomorrow", "--said-at", THU],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Fri Nov 20 2026 (on)" in done.stdout
