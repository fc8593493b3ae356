"""Speed of the pure method rules, each as a ratio to its target.

    uv run python bench/method.py

Every benchmark warms up first, then times a fixed amount of work on one core a few times and
prints one line for the best round (other processes only ever slow a round down): the rate, the
target and their ratio, above 1.00 being faster than the target. Nothing is asserted; a slow
machine prints a low ratio. Add a benchmark by writing a function beside the others and listing it
in BENCHES.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import CampaignState, InterviewLogged, OutcomeLogged, advance
from pursuit.method.playbook import Playbook
from pursuit.method.promises import read_promise
from pursuit.method.scripts import ScriptFacts
from pursuit.method.vocab import ActionKind, Outcome

OPENERS = (
    "We'll call you",
    "I will get back to you",
    "The hiring manager will decide",
    "You'll hear from us",
    "Expect an answer",
    "we should have news for you",
    "Our recruiter is going to reach out",
    "Let me get back to you",
    "We'll let you know",
    "The panel meets on Monday and will make a decision",
    "Thanks so much for coming in today, it was a pleasure. We'll be in touch",
    "Give us",
    "We hope to have an offer ready",
)
TIMES = (
    "today", "this afternoon", "tomorrow", "by end of day tomorrow", "on Wednesday",
    "by Friday", "this Thursday", "next Tuesday", "Wednesday next week", "early next week",
    "by the middle of next week", "late next week", "next week", "by the end of the week",
    "this week", "before the end of the month", "early next month", "next month",
    "in 3 days", "within ten business days", "in two weeks", "within a week", "in a couple of days",
    "in a day or two", "in a few days", "in a couple of weeks", "a few weeks", "on December 3",
    "by Dec 3rd", "on 3 December", "by 12/3", "on the 15th", "after the 15th", "after December 3",
    "in about two weeks", "Monday or Tuesday", "the day after tomorrow", "in 48 hours",
    "in 2-3 weeks", "by the first of next month", "in January", "mid-January", "soon", "",
    # The seasons, quarters and speech of METHOD §5.1.
    "before Thanksgiving", "after Christmas", "by Easter", "before the holidays",
    "after the holidays", "early in the new year", "after the new year",
    "by the middle of the month",
    "by the end of the quarter", "in Q1", "next quarter", "in a fortnight", "in two weeks' time",
    "Monday week", "a week on Friday", "after our board meets on Tuesday", "not before the 15th",
    "- I'm out on the 24th, so by the 23rd", "by the fifteenth", "tmrw", "nxt wk", "EOW",
    "by 03.12.", "once legal signs off",
)  # fmt: skip
CLOSERS = (
    "",
    ".",
    "!",
    " at the latest.",
    ", I promise.",
    " - does that work for you?",
    ". Thanks again for your time and for the great conversation about the role.",
)


def promise_sentences(count: int, seed: int = 2026) -> list[str]:
    """`count` varied sentences: many verbs, phrases, casings and lengths, a few with no date."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentence = f"{rng.choice(OPENERS)} {rng.choice(TIMES)}{rng.choice(CLOSERS)}".strip()
        style = rng.random()
        if style < 0.1:
            sentence = sentence.upper()
        elif style < 0.2:
            sentence = sentence.lower()
        out.append(sentence)
    return out


ROUNDS = 3


def best_seconds(work: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """The fastest of `rounds` timed runs of `work`: (wall seconds, CPU seconds).

    CPU time is what one core spent on this process; on a shared machine it stays close to the
    quiet-machine wall time while the wall clock also counts time other processes held the core.
    """
    wall = cpu = float("inf")
    for _ in range(rounds):
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    return wall, cpu


def report(name: str, count: int, seconds: tuple[float, float], target: float, unit: str) -> None:
    wall, cpu = (count / s for s in seconds)
    print(
        f"{name}: {cpu:,.0f} {unit}/s of CPU (target ≥ {target:,.0f}/s, ratio {cpu / target:.2f}); "
        f"wall clock {wall:,.0f}/s (ratio {wall / target:.2f})",
        flush=True,
    )


def bench_promises() -> None:
    """Sentences read per second by `read_promise`, across moments through a year."""
    calendar = BusinessCalendar(zone="America/New_York", country="US")
    _bench_reading("promises", promise_sentences(20_000), calendar)


#: German sentences are built the same way, from German words.
OPENERS_DE = (
    "Wir melden uns", "Sie hören von uns", "Ich rufe Sie an", "Die Entscheidung fällt",
    "Wir geben Ihnen Bescheid", "Vielen Dank für das nette Gespräch, wir melden uns",
    "Frau Berger meldet sich", "Der Vorstand entscheidet",
)  # fmt: skip
TIMES_DE = (
    "heute", "morgen", "übermorgen", "bis Mittwoch", "am Freitag", "nächsten Dienstag",
    "Anfang nächster Woche", "Mitte nächster Woche", "bis Ende nächster Woche", "nächste Woche",
    "bis Ende der Woche", "bis Ende des Monats", "Anfang Januar", "nächsten Monat",
    "in zwei Wochen", "in 14 Tagen", "innerhalb von zehn Werktagen", "in ein paar Tagen",
    "nach Ostern", "vor Weihnachten", "nach den Feiertagen", "zwischen den Jahren", "bis zum 15.",
    "am 3.12.", "bis 3.12.2026", "in KW 50", "bis Ende des Quartals", "nicht vor dem 15.",
    "am fünfzehnten", "nach der Messe", "",
)  # fmt: skip
CLOSERS_DE = ("", ".", "!", ", spätestens.", " - passt Ihnen das?")


def bench_promises_de() -> None:
    """German sentences read per second, the language told from each sentence's words."""
    rng = random.Random(2026)
    sentences = [
        f"{rng.choice(OPENERS_DE)} {rng.choice(TIMES_DE)}{rng.choice(CLOSERS_DE)}".strip()
        for _ in range(20_000)
    ]
    calendar = BusinessCalendar(zone="Europe/Berlin", country="DE")
    _bench_reading("promises (German)", sentences, calendar)


def _bench_reading(name: str, sentences: list[str], calendar: BusinessCalendar) -> None:
    target, count = 20_000, len(sentences)
    start = datetime(2026, 1, 5, 9, 30)
    moments = [start + timedelta(days=i % 365, minutes=17 * i) for i in range(count)]
    pairs = list(zip(sentences, moments, strict=True))

    def read_all(pairs: list[tuple[str, datetime]] = pairs) -> None:
        for text, said in pairs:
            read_promise(text, said, calendar)

    read_all(pairs[:2000])
    report(name, count, best_seconds(read_all), target, "sentences")


def synthetic_campaigns(count: int, seed: int = 2026) -> list[tuple[object, object, object]]:
    """`count` (state, event, calendar) triples: interviews, unanswered calls (some at the
    attempt cap, some for local companies), callbacks and reached-with-a-promise outcomes."""
    rng = random.Random(seed)
    calendars = [
        BusinessCalendar(zone="America/New_York", country="US"),
        BusinessCalendar(zone="America/Chicago", country="US", subdiv="IL"),
        BusinessCalendar(zone="Europe/Berlin", country="DE", subdiv="BY"),
        BusinessCalendar(zone="Europe/London", country="GB"),
    ]
    out = []
    for i in range(count):
        cal = rng.choice(calendars)
        facts = ScriptFacts(
            company=f"Company {i}",
            seeker="Sam Rivera",
            role="Analyst",
            contact=rng.choice([None, "Dana Reyes", "Mr. Jones"]),
            way_through=rng.choice([None, "ask for the direct line"]),
        )
        state = CampaignState(facts, local=rng.random() < 0.3, attempts=rng.randrange(5))
        at = cal.localize(datetime(2026, 1, 5, 9, 5) + timedelta(days=rng.randrange(700)))
        roll = rng.random()
        event: object
        if roll < 0.2:
            latest = at.date() + timedelta(days=rng.randrange(1, 15))
            event = InterviewLogged(at, promise_latest=latest)
        elif roll < 0.8:
            event = OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at)
        elif roll < 0.9:
            event = OutcomeLogged(
                ActionKind.CALL,
                Outcome.GATEKEEPER_CALLBACK,
                at,
                callback_at=at + timedelta(hours=3),
            )
        else:
            event = OutcomeLogged(
                ActionKind.CALL,
                Outcome.REACHED_PENDING,
                at,
                promise_latest=at.date() + timedelta(days=rng.randrange(1, 10)),
            )
        out.append((state, event, cal))
    return out


def bench_ladder() -> None:
    """Campaigns advanced per second: the next steps planned, placed and scripted."""
    target, count = 50_000, 100_000
    playbook = Playbook()
    work = synthetic_campaigns(count)

    def plan_all(work: list[tuple[object, object, object]] = work) -> None:
        for state, event, cal in work:
            advance(state, event, playbook=playbook, calendar=cal, now=event.at)  # type: ignore

    plan_all(work[:5000])
    report("ladder", count, best_seconds(plan_all), target, "campaigns")


BENCHES: list[Callable[[], None]] = [bench_promises, bench_promises_de, bench_ladder]


def main() -> None:
    for bench in BENCHES:
        bench()


if __name__ == "__main__":
    main()
