"""Which language a promise was said in: English or German, from the words it uses.

A light test, no model and no network: each distinct word found in one list counts for that
language, a word with an umlaut or ß counts for German, and the larger count wins. A tie
(no telling words at all, "12/3") is English, the reader that has always been there. Words both
languages use ("in", "so", "an", "was", "April") count for neither.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "de")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_GERMAN = _word_set(
    """
    der die das den dem des ein eine einen einem einer eines und oder aber wir ich sie ihnen ihr
    ihre ihrem ihren uns unser unsere unserem unseren euch es sich man mich mir dich dir bis zum
    zur am im vom beim nicht kein keine keinen ist sind wird werden wurde würde würden haben hat
    habe hätte kann können könnte soll sollte sollten müssen muss mit auf für von noch auch nach
    vor bei über unter zwischen dann wenn sobald falls melden melde meldet rufen rufe ruft
    zurück bescheid rückmeldung entscheidung entscheiden entschieden spätestens frühestens
    allerspätestens erst ab nächste nächsten nächster nächstes kommende kommenden kommender
    übernächste übernächsten diese dieser diesen dieses woche wochen wochenende tag tage tagen
    werktage werktagen arbeitstage arbeitstagen geschäftstagen monat monate monaten monats
    jahr jahres jahren quartal quartals heute morgen übermorgen montag dienstag mittwoch
    donnerstag freitag samstag sonnabend sonntag januar jänner februar märz mai juni juli
    oktober dezember ende anfang mitte paar einige wenige zwei drei vier fünf sechs sieben acht
    neun zehn elf zwölf vierzehn zwanzig innerhalb binnen kw kalenderwoche ostern pfingsten
    weihnachten silvester neujahr feiertage feiertagen festtage neuen laufe gerne gern vielen
    dank danke herr frau bewerbung gespräch schnell wie möglich etwa gegen ungefähr hören
    voneinander schreiben geben gibt spätesten bald leider urlaub zeit uhr heiligabend
    jahreswechsel zwischen termin nochmal wieder telefonisch anrufen zusage absage
    """
)
_ENGLISH = _word_set(
    """
    the we i you your yours will would shall should by on next week weeks and to of be been get
    gets back call calls let know hear from us within days day business working end month months
    this that it it's is are was have has had our for with at after before until till soon touch
    tomorrow today tonight monday tuesday wednesday thursday friday saturday sunday january
    february march june july october december jan feb mar jun jul oct dec early late mid middle
    couple few or about around decision decide decided can could expect reach out give me my
    thanks thank holidays christmas easter new year quarter not don't won't than no later latest
    hopefully probably maybe we'll i'll you'll we're they they'll them their he she his her
    afternoon morning evening weekend fortnight two three four five ten twenty one first second
    third fifteenth hours hour answer news update offer let's just going get back if when once
    any time following coming these those there here what which who office meeting board
    """
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_UMLAUT = re.compile("[äöüß]")


def detect(text: str) -> str:
    """'de' when `text` reads as German, else 'en'."""
    low = text.lower()
    words = _WORD.findall(low)
    # Set operations keep this to a few microseconds: every sentence read passes through here.
    german = len(_GERMAN.intersection(words))
    if _UMLAUT.search(low):
        german += sum(1 for word in set(words) - _GERMAN if _UMLAUT.search(word))
    return "de" if german > len(_ENGLISH.intersection(words)) else "en"


def check_language(lang: str) -> str:
    """`lang` lowercased, or a ValueError naming the languages Pursuit reads."""
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return code
