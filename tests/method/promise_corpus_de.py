"""German sentences an interviewer might say, with the window Pursuit should read from each.

Moments are company-local ISO strings. Berlin closes on Dec 25 and 26 and Jan 1 but not on
Christmas Eve, and on Good Friday and Easter Monday (2027: Mar 26 and 29); Bavaria also on
Epiphany (Jan 6). Vienna closes on its national day (Mon Oct 26 2026), Zurich on Aug 1. The
clocks change in Europe on Sun Oct 25 2026 and Sun Mar 28 2027 (Easter Sunday that year).
"""

from __future__ import annotations

from typing import NamedTuple

from pursuit.method.calendar import BusinessCalendar

CALENDARS = {
    "de": BusinessCalendar(zone="Europe/Berlin", country="DE"),
    "by": BusinessCalendar(zone="Europe/Berlin", country="DE", subdiv="BY"),
    "at": BusinessCalendar(zone="Europe/Vienna", country="AT"),
    "ch": BusinessCalendar(zone="Europe/Zurich", country="CH", subdiv="ZH"),
}


class Case(NamedTuple):
    id: str
    text: str
    said: str
    earliest: str
    latest: str
    kind: str
    calendar: str = "de"


def _cases(said: str, rows: list[tuple[str, ...]], calendar: str = "de") -> list[Case]:
    # A row is (id, text, earliest, kind) or (id, text, earliest, latest, kind).
    out = []
    for row in rows:
        if len(row) == 4:
            id_, text, earliest, kind = row
            latest = earliest
        else:
            id_, text, earliest, latest, kind = row
        out.append(Case(id_, text, said, earliest, latest, kind, calendar))
    return out


THU = "2026-11-19T10:00"  # W0 = Mon Nov 16, W1 = Mon Nov 23, W2 = Mon Nov 30
MON = "2026-11-16T15:00"
FRI = "2026-11-20T16:30"
SAT = "2026-11-21T09:00"
SUN = "2026-11-22T20:00"
FRI_BEFORE_UNITY_DAY = "2026-10-02T15:00"
FRI_BEFORE_AUTUMN_DST = "2026-10-23T14:00"  # Vienna: Monday Oct 26 is the national day
THU_BEFORE_EASTER_DST = "2027-03-25T11:00"
THU_BEFORE_AUGUST_FIRST = "2026-07-30T09:00"
WED_BEFORE_CHRISTMAS = "2026-12-23T16:00"
FRI_END_OF_JANUARY = "2027-01-29T14:00"
SAT_BEFORE_IMMACULATE_CONCEPTION = "2026-12-05T10:00"  # Vienna closes on Tue Dec 8
SUN_IN_ADVENT = "2026-12-06T19:00"
SAT_AUTUMN_DST = "2026-10-24T11:00"

CORPUS: list[Case] = [
    *_cases(
        THU,
        [
            ("bis-mittwoch", "Wir melden uns bis Mittwoch bei Ihnen.", "2026-11-25", "by"),
            ("am-mittwoch", "Am Mittwoch rufen wir Sie an.", "2026-11-25", "on"),
            (
                "naechsten-mittwoch-after-it-passed",
                "Nächsten Mittwoch haben wir eine Entscheidung.",
                "2026-11-25",
                "on",
            ),
            (
                "anfang-naechster-woche",
                "Anfang nächster Woche hören Sie von uns.",
                "2026-11-23",
                "2026-11-24",
                "window",
            ),
            (
                "mitte-naechster-woche",
                "Wir geben Ihnen Mitte nächster Woche Bescheid.",
                "2026-11-24",
                "2026-11-26",
                "window",
            ),
            (
                "bis-ende-naechster-woche",
                "Bis Ende nächster Woche steht die Entscheidung.",
                "2026-11-26",
                "2026-11-27",
                "by",
            ),
            (
                "naechste-woche",
                "Sie hören nächste Woche von uns.",
                "2026-11-23",
                "2026-11-27",
                "window",
            ),
            ("diese-woche-noch", "Diese Woche noch melden wir uns.", "2026-11-20", "by"),
            (
                "bis-ende-der-woche",
                "Bis Ende der Woche bekommen Sie eine Rückmeldung.",
                "2026-11-20",
                "by",
            ),
            ("bis-ende-des-monats", "Wir entscheiden bis Ende des Monats.", "2026-11-30", "by"),
            (
                "spaetestens-zum-monatsende",
                "Die Zusage kommt spätestens zum Monatsende.",
                "2026-11-30",
                "by",
            ),
            (
                "anfang-januar",
                "Anfang Januar melden wir uns wieder.",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "mitte-dezember",
                "Mitte Dezember wissen wir mehr.",
                "2026-12-11",
                "2026-12-20",
                "window",
            ),
            (
                "ende-januar",
                "Ende Januar fällt die Entscheidung.",
                "2027-01-21",
                "2027-01-31",
                "window",
            ),
            (
                "naechsten-monat",
                "Nächsten Monat geht es weiter.",
                "2026-12-01",
                "2026-12-31",
                "window",
            ),
            (
                "anfang-naechsten-monats",
                "Anfang nächsten Monats bekommen Sie Post von uns.",
                "2026-12-01",
                "2026-12-10",
                "window",
            ),
            ("in-zwei-wochen", "In zwei Wochen wissen wir Bescheid.", "2026-12-03", "by"),
            ("in-14-tagen", "In 14 Tagen sind wir so weit.", "2026-12-03", "by"),
            (
                "in-vierzehn-tagen",
                "Rechnen Sie in vierzehn Tagen mit einer Antwort.",
                "2026-12-03",
                "by",
            ),
            (
                "innerhalb-von-zehn-werktagen",
                "Innerhalb von zehn Werktagen erhalten Sie unsere Entscheidung.",
                "2026-12-03",
                "by",
            ),
            ("drei-arbeitstage", "Wir brauchen noch drei Arbeitstage.", "2026-11-24", "by"),
            (
                "in-ein-paar-tagen",
                "In ein paar Tagen rufe ich Sie an.",
                "2026-11-23",
                "2026-11-24",
                "window",
            ),
            ("heute-nachmittag", "Heute Nachmittag ruft Sie Frau Berger an.", "2026-11-19", "on"),
            ("morgen", "Morgen bekommen Sie unsere Antwort.", "2026-11-20", "on"),
            ("uebermorgen", "Übermorgen wissen wir mehr.", "2026-11-21", "on"),
            (
                "nach-ostern",
                "Nach Ostern entscheidet der Vorstand.",
                "2027-03-29",
                "2027-04-05",
                "after",
            ),
            (
                "vor-weihnachten",
                "Vor Weihnachten hören Sie auf jeden Fall noch von uns.",
                "2026-12-25",
                "by",
            ),
            (
                "nach-den-feiertagen",
                "Wir melden uns nach den Feiertagen.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "nach-den-festtagen",
                "Nach den Festtagen geht es weiter.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "zwischen-den-jahren",
                "Zwischen den Jahren melden wir uns telefonisch.",
                "2026-12-27",
                "2026-12-30",
                "window",
            ),
            ("bis-zum-15", "Bis zum 15. haben Sie eine Antwort.", "2026-12-15", "by"),
            ("am-3-12", "Am 3.12. rufen wir Sie an.", "2026-12-03", "on"),
            ("datum-mit-jahr", "Die Entscheidung fällt am 3.12.2026.", "2026-12-03", "on"),
            ("in-kw-50", "In KW 50 melden wir uns.", "2026-12-07", "2026-12-11", "window"),
            (
                "donnerstag-in-kw-49",
                "Bis Donnerstag in KW 49 melden wir uns.",
                "2026-12-03",
                "by",
            ),
            ("freitag-der-kw-50", "Freitag der KW 50 passt uns.", "2026-12-11", "on"),
            (
                "bis-kalenderwoche-50",
                "Bis Kalenderwoche 50 steht fest, wer die Stelle bekommt.",
                "2026-12-07",
                "2026-12-11",
                "by",
            ),
            (
                "kw49-ohne-leerzeichen",
                "KW49 ist realistisch.",
                "2026-11-30",
                "2026-12-04",
                "window",
            ),
            (
                "in-der-50-kw",
                "In der 50. KW melden wir uns.",
                "2026-12-07",
                "2026-12-11",
                "window",
            ),
            (
                "bis-ende-des-quartals",
                "Bis Ende des Quartals wird die Stelle besetzt.",
                "2026-12-31",
                "by",
            ),
            (
                "nicht-vor-dem-15",
                "Nicht vor dem 15. wird es eine Entscheidung geben.",
                "2026-12-16",
                "2026-12-22",
                "after",
            ),
            ("wir-melden-uns", "Wir melden uns.", "2026-11-19", "2026-11-26", "around"),
            (
                "wir-kommen-auf-sie-zu",
                "Wir kommen auf Sie zu, sobald wir alle Gespräche geführt haben.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            ("am-fuenfzehnten", "Am fünfzehnten bekommen Sie Bescheid.", "2026-12-15", "on"),
            ("bis-zum-zwanzigsten", "Bis zum zwanzigsten melden wir uns.", "2026-11-20", "by"),
            ("am-ersten", "Sie hören am Ersten von uns.", "2026-12-01", "on"),
            (
                "naechste-woche-ohne-umlaut",
                "Wir melden uns naechste Woche.",
                "2026-11-23",
                "2026-11-27",
                "window",
            ),
            ("uebermorgen-ohne-umlaut", "Ich rufe Sie uebermorgen an.", "2026-11-21", "on"),
            (
                "am-ersten-tag-counts",
                "Wir sprechen am ersten Tag mit allen Bewerbern, dann melden wir uns.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            (
                "vor-zwei-wochen-is-past",
                "Wir haben die Stelle vor zwei Wochen ausgeschrieben und melden uns.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            (
                "letzten-montag-is-past",
                "Letzten Montag war das erste Gespräch, am Freitag folgt die Entscheidung.",
                "2026-11-20",
                "on",
            ),
            (
                "dienstag-oder-mittwoch",
                "Dienstag oder Mittwoch rufe ich an.",
                "2026-11-24",
                "2026-11-25",
                "window",
            ),
            (
                "zwischen-montag-und-mittwoch",
                "Zwischen Montag und Mittwoch melden wir uns.",
                "2026-11-23",
                "2026-11-25",
                "window",
            ),
            ("spaetestens-freitag", "Spätestens Freitag wissen Sie Bescheid.", "2026-11-20", "by"),
            (
                "freitag-spaetestens",
                "Freitag, spätestens, haben wir entschieden.",
                "2026-11-20",
                "by",
            ),
            (
                "gegen-mittwoch",
                "Gegen Mittwoch sollten wir so weit sein.",
                "2026-11-25",
                "around",
            ),
            ("mittwoch-oder-so", "Mittwoch oder so melde ich mich.", "2026-11-25", "around"),
            ("heute-in-acht-tagen", "Heute in acht Tagen rufen wir an.", "2026-11-26", "by"),
            (
                "montag-in-einer-woche",
                "Am Montag in einer Woche haben Sie unsere Antwort.",
                "2026-11-30",
                "on",
            ),
            (
                "mittwoch-naechster-woche",
                "Mittwoch nächster Woche entscheidet das Team.",
                "2026-11-25",
                "on",
            ),
            (
                "naechste-woche-donnerstag",
                "Nächste Woche Donnerstag rufen wir Sie an.",
                "2026-11-26",
                "on",
            ),
            (
                "uebernaechste-woche",
                "Übernächste Woche wissen wir mehr.",
                "2026-11-30",
                "2026-12-04",
                "window",
            ),
            (
                "in-den-naechsten-tagen",
                "In den nächsten Tagen hören Sie von uns.",
                "2026-11-23",
                "2026-11-24",
                "window",
            ),
            (
                "in-ein-zwei-tagen",
                "In ein, zwei Tagen melde ich mich.",
                "2026-11-20",
                "2026-11-23",
                "window",
            ),
            (
                "zwei-bis-drei-wochen",
                "Das dauert zwei bis drei Wochen.",
                "2026-12-03",
                "2026-12-10",
                "window",
            ),
            (
                "drei-vier-wochen",
                "Drei, vier Wochen wird es dauern.",
                "2026-12-10",
                "2026-12-17",
                "window",
            ),
            (
                "fruehestens-am-15",
                "Frühestens am 15. können wir etwas sagen.",
                "2026-12-16",
                "2026-12-22",
                "after",
            ),
            (
                "erst-nach-pfingsten",
                "Wir entscheiden erst nach Pfingsten.",
                "2027-05-17",
                "2027-05-24",
                "after",
            ),
            (
                "noch-vor-himmelfahrt",
                "Noch vor Himmelfahrt erhalten Sie den Vertrag.",
                "2027-05-06",
                "by",
            ),
            ("bis-zum-1-dezember", "Wir melden uns bis zum 1. Dezember.", "2026-12-01", "by"),
            (
                "ueber-die-feiertage",
                "Wir entscheiden über die Feiertage.",
                "2026-12-24",
                "2027-01-01",
                "window",
            ),
            ("freitag-den-4-12", "Freitag, den 4.12., rufen wir Sie an.", "2026-12-04", "on"),
            (
                "weekday-and-date-disagree",
                "Am Mittwoch, den 4.12., melden wir uns.",
                "2026-12-04",
                "on",
            ),
            ("am-3-dezember", "Am 3. Dezember haben Sie eine Antwort.", "2026-12-03", "on"),
            ("bis-3-dez", "Bis 3. Dez. melden wir uns.", "2026-12-03", "by"),
            (
                "mitte-des-monats",
                "Mitte des Monats melden wir uns.",
                "2026-11-19",
                "2026-11-20",
                "window",
            ),
            ("bis-zum-wochenende", "Bis zum Wochenende melden wir uns.", "2026-11-20", "by"),
            ("noch-heute", "Sie hören noch heute von mir.", "2026-11-19", "on"),
            ("bis-heute-abend", "Bis heute Abend haben Sie eine Mail.", "2026-11-19", "by"),
            (
                "innerhalb-einer-woche",
                "Innerhalb einer Woche bekommen Sie Bescheid.",
                "2026-11-26",
                "by",
            ),
            ("binnen-48-stunden", "Binnen 48 Stunden melden wir uns.", "2026-11-21", "by"),
            (
                "jeden-montag-is-no-promise",
                "Wir telefonieren jeden Montag im Team und melden uns dann.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            ("am-24-12", "Am 24.12. hören Sie von uns.", "2026-12-24", "on"),
            (
                "away-from-monday-gives-way",
                "Ich bin ab Montag im Urlaub, aber bis Freitag haben Sie eine Antwort.",
                "2026-11-20",
                "by",
            ),
            (
                "nach-der-sitzung-am-dienstag",
                "Nach der Sitzung am Dienstag melden wir uns.",
                "2026-11-25",
                "2026-12-01",
                "after",
            ),
            (
                "nach-dem-15",
                "Nach dem 15. entscheiden wir.",
                "2026-12-16",
                "2026-12-22",
                "after",
            ),
            ("bis-jahresende", "Bis Jahresende ist alles entschieden.", "2026-12-31", "by"),
            ("ende-des-jahres", "Ende des Jahres wissen wir mehr.", "2026-12-31", "by"),
            (
                "im-neuen-jahr",
                "Im neuen Jahr melden wir uns wieder.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "anfang-des-neuen-jahres",
                "Anfang des neuen Jahres bekommen Sie eine Rückmeldung.",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "im-naechsten-quartal",
                "Im nächsten Quartal entscheiden wir.",
                "2027-01-01",
                "2027-03-31",
                "window",
            ),
            ("bis-ende-q1", "Bis Ende Q1 ist die Stelle besetzt.", "2027-03-31", "by"),
            ("im-vierten-quartal", "Im vierten Quartal wird eingestellt.", "2026-12-31", "by"),
            (
                "vor-der-weihnachtspause",
                "Vor der Weihnachtspause melden wir uns noch.",
                "2026-11-19",
                "2026-12-23",
                "by",
            ),
            (
                "vor-den-feiertagen",
                "Vor den Feiertagen bekommen Sie noch Bescheid.",
                "2026-11-19",
                "2026-12-23",
                "by",
            ),
            (
                "vor-dem-jahreswechsel",
                "Vor dem Jahreswechsel entscheiden wir.",
                "2026-11-19",
                "2026-12-30",
                "by",
            ),
            (
                "am-wochenende",
                "Am Wochenende schreibe ich Ihnen eine Mail.",
                "2026-11-21",
                "2026-11-22",
                "window",
            ),
            ("kleingeschrieben", "wir melden uns bis freitag", "2026-11-20", "by"),
            ("grossgeschrieben", "BIS MITTWOCH MELDEN WIR UNS", "2026-11-25", "by"),
            (
                "kommenden-dienstag",
                "Kommenden Dienstag ruft Sie Herr Vogel an.",
                "2026-11-24",
                "on",
            ),
            ("diesen-freitag", "Diesen Freitag rufe ich Sie an.", "2026-11-20", "on"),
            ("bis-mi-abgekuerzt", "Bis Mi. melden wir uns.", "2026-11-25", "by"),
            ("iso-datum", "Termin für die Entscheidung: 2026-12-04.", "2026-12-04", "on"),
            ("schraegstrich-tag-zuerst", "Bis 4/12 haben Sie eine Antwort.", "2026-12-04", "by"),
            (
                "morgen-oder-uebermorgen",
                "Morgen oder übermorgen rufen wir an.",
                "2026-11-20",
                "2026-11-21",
                "window",
            ),
            (
                "guten-morgen-is-no-promise",
                "Guten Morgen, wir haben Ihre Unterlagen und melden uns.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            (
                "heute-morgen-then-morgen",
                "Heute Morgen haben wir gesprochen, morgen entscheiden wir.",
                "2026-11-20",
                "on",
            ),
            ("in-einem-monat", "In einem Monat melden wir uns.", "2026-12-19", "by"),
            ("einige-wochen", "Es wird einige Wochen dauern.", "2026-12-10", "around"),
            (
                "in-den-naechsten-wochen",
                "In den nächsten Wochen melden wir uns.",
                "2026-12-10",
                "around",
            ),
            ("bis-silvester", "Bis Silvester haben Sie den Vertrag.", "2026-12-31", "by"),
            (
                "nach-neujahr",
                "Nach Neujahr telefonieren wir.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "einundzwanzig-tage",
                "In einundzwanzig Tagen haben wir die Antwort.",
                "2026-12-10",
                "by",
            ),
            ("zwoelf-tage", "Wir brauchen noch zwölf Tage.", "2026-12-01", "by"),
            ("zwo-wochen", "In zwo Wochen wissen Sie mehr.", "2026-12-03", "by"),
            (
                "bald-is-a-default",
                "Wir melden uns bald bei Ihnen.",
                "2026-11-19",
                "2026-11-26",
                "around",
            ),
            ("rufen-sie-am-mittwoch-an", "Wir rufen Sie am Mittwoch an.", "2026-11-25", "on"),
        ],
    ),
    *_cases(
        MON,
        [
            (
                "naechsten-mittwoch-before-it",
                "Nächsten Mittwoch melden wir uns.",
                "2026-11-25",
                "on",
            ),
            (
                "mitte-der-woche",
                "Mitte der Woche melden wir uns.",
                "2026-11-17",
                "2026-11-19",
                "window",
            ),
            (
                "anfang-der-woche-said-monday",
                "Anfang der Woche klären wir das.",
                "2026-11-16",
                "2026-11-17",
                "window",
            ),
            ("ende-der-woche-said-monday", "Ende der Woche wissen Sie mehr.", "2026-11-20", "by"),
            ("am-donnerstag-said-monday", "Am Donnerstag rufe ich an.", "2026-11-19", "on"),
        ],
    ),
    *_cases(
        FRI,
        [
            ("montag-said-friday", "Am Montag bekommen Sie Bescheid.", "2026-11-23", "on"),
            (
                "diese-woche-said-friday",
                "Noch diese Woche melden wir uns.",
                "2026-11-20",
                "by",
            ),
            (
                "naechste-woche-said-friday",
                "Nächste Woche rufen wir an.",
                "2026-11-23",
                "2026-11-27",
                "window",
            ),
            (
                "morgen-ist-samstag",
                "Morgen ist Samstag, wir melden uns Montag.",
                "2026-11-23",
                "on",
            ),
            (
                "ende-naechster-woche-said-friday",
                "Ende nächster Woche steht es fest.",
                "2026-11-26",
                "2026-11-27",
                "by",
            ),
            ("freitag-said-friday", "Freitag hören Sie von uns.", "2026-11-27", "on"),
        ],
    ),
    *_cases(
        SAT,
        [
            ("diese-woche-said-saturday", "Diese Woche melden wir uns.", "2026-11-27", "by"),
            (
                "naechsten-montag-said-saturday",
                "Nächsten Montag melden wir uns.",
                "2026-11-23",
                "on",
            ),
            (
                "zwei-werktage-said-saturday",
                "In zwei Werktagen haben Sie Bescheid.",
                "2026-11-24",
                "by",
            ),
        ],
    ),
    *_cases(
        SUN,
        [
            (
                "ende-der-woche-said-sunday",
                "Bis Ende der Woche hören Sie von uns.",
                "2026-11-27",
                "by",
            ),
            (
                "naechste-woche-said-sunday",
                "Nächste Woche melden wir uns.",
                "2026-11-23",
                "2026-11-27",
                "window",
            ),
            ("morgen-said-sunday", "Morgen rufe ich Sie an.", "2026-11-23", "on"),
        ],
    ),
    *_cases(
        FRI_BEFORE_UNITY_DAY,
        [
            (
                "nach-dem-tag-der-deutschen-einheit",
                "Nach dem Tag der Deutschen Einheit melden wir uns.",
                "2026-10-04",
                "2026-10-09",
                "after",
            ),
            ("montag-before-unity-day", "Am Montag rufen wir an.", "2026-10-05", "on"),
            (
                "bis-mitte-oktober",
                "Bis Mitte Oktober wissen wir Bescheid.",
                "2026-10-11",
                "2026-10-20",
                "by",
            ),
            (
                "nationalfeiertag-in-germany",
                "Vor dem Nationalfeiertag entscheiden wir.",
                "2026-10-03",
                "by",
            ),
        ],
    ),
    *_cases(
        FRI_BEFORE_AUTUMN_DST,
        [
            (
                "at-nach-dem-nationalfeiertag",
                "Nach dem Nationalfeiertag melden wir uns.",
                "2026-10-27",
                "2026-11-02",
                "after",
            ),
            (
                "at-naechste-woche-dst",
                "Wir melden uns nächste Woche.",
                "2026-10-26",
                "2026-10-30",
                "window",
            ),
            (
                "at-montag-ist-feiertag",
                "Am Montag ist Feiertag, wir rufen Dienstag an.",
                "2026-10-27",
                "on",
            ),
            (
                "at-drei-werktage-over-the-holiday",
                "In drei Werktagen melden wir uns.",
                "2026-10-29",
                "by",
            ),
            (
                "at-vor-allerheiligen",
                "Vor Allerheiligen bekommen Sie eine Antwort.",
                "2026-11-01",
                "by",
            ),
            (
                "at-anfang-jaenner",
                "Anfang Jänner melden wir uns.",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            ("at-bis-zum-christtag", "Bis zum Christtag wissen Sie Bescheid.", "2026-12-25", "by"),
            (
                "at-nach-mariae-empfaengnis",
                "Nach Mariä Empfängnis entscheiden wir.",
                "2026-12-09",
                "2026-12-15",
                "after",
            ),
        ],
        "at",
    ),
    *_cases(
        FRI_BEFORE_AUTUMN_DST,
        [
            ("de-ende-des-monats-dst", "Ende des Monats wissen wir mehr.", "2026-10-31", "by"),
            (
                "de-am-montag-after-the-clock-change",
                "Am Montag, nach der Zeitumstellung, rufen wir an.",
                "2026-10-26",
                "on",
            ),
        ],
    ),
    *_cases(
        THU_BEFORE_EASTER_DST,
        [
            ("vor-ostern", "Vor Ostern melden wir uns.", "2027-03-28", "by"),
            (
                "nach-ostern-said-that-week",
                "Nach Ostern geht es weiter.",
                "2027-03-29",
                "2027-04-05",
                "after",
            ),
            (
                "fuenf-werktage-over-easter",
                "In fünf Werktagen haben Sie eine Antwort.",
                "2027-04-05",
                "by",
            ),
            (
                "naechste-woche-dst-spring",
                "Nächste Woche telefonieren wir.",
                "2027-03-29",
                "2027-04-02",
                "window",
            ),
            ("bis-karfreitag", "Bis Karfreitag melden wir uns.", "2027-03-26", "by"),
            (
                "nach-ostermontag",
                "Nach Ostermontag entscheiden wir.",
                "2027-03-30",
                "2027-04-05",
                "after",
            ),
            (
                "nach-den-osterfeiertagen",
                "Nach den Osterfeiertagen hören Sie von uns.",
                "2027-03-30",
                "2027-04-05",
                "after",
            ),
        ],
    ),
    *_cases(
        THU_BEFORE_AUGUST_FIRST,
        [
            (
                "ch-nach-dem-bundesfeiertag",
                "Nach dem Bundesfeiertag melden wir uns.",
                "2026-08-02",
                "2026-08-07",
                "after",
            ),
            (
                "ch-nationalfeiertag-is-august-first",
                "Vor dem Nationalfeiertag entscheiden wir.",
                "2026-08-01",
                "by",
            ),
            ("ch-vor-auffahrt", "Vor Auffahrt ist alles klar.", "2027-05-06", "by"),
            (
                "ch-ende-august",
                "Ende August wissen wir mehr.",
                "2026-08-21",
                "2026-08-31",
                "window",
            ),
            (
                "ch-im-naechsten-monat",
                "Im nächsten Monat stellen wir ein.",
                "2026-08-01",
                "2026-08-31",
                "window",
            ),
            ("ch-in-kw-32", "In KW 32 hören Sie von uns.", "2026-08-03", "2026-08-07", "window"),
            (
                "ch-zehn-arbeitstage-over-august-first",
                "Innerhalb von zehn Arbeitstagen erhalten Sie Bescheid.",
                "2026-08-13",
                "by",
            ),
            ("ch-spaetestens-morgen", "Spätestens morgen rufe ich Sie an.", "2026-07-31", "by"),
            ("ch-vor-weihnachten", "Vor Weihnachten ist die Stelle besetzt.", "2026-12-25", "by"),
        ],
        "ch",
    ),
    *_cases(
        WED_BEFORE_CHRISTMAS,
        [
            (
                "nach-den-feiertagen-said-dec-23",
                "Nach den Feiertagen melden wir uns.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "zwischen-den-jahren-said-dec-23",
                "Wir rufen zwischen den Jahren an.",
                "2026-12-27",
                "2026-12-30",
                "window",
            ),
            (
                "morgen-ist-heiligabend",
                "Morgen ist Heiligabend, wir melden uns zwischen den Jahren.",
                "2026-12-27",
                "2026-12-30",
                "window",
            ),
            (
                "drei-werktage-over-christmas",
                "In drei Werktagen haben Sie eine Antwort.",
                "2026-12-29",
                "by",
            ),
            (
                "anfang-januar-said-dec-23",
                "Anfang Januar bekommen Sie Bescheid.",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "naechste-woche-said-dec-23",
                "Nächste Woche melden wir uns.",
                "2026-12-28",
                "2027-01-01",
                "window",
            ),
            ("kw-1-said-dec-23", "In KW 1 melden wir uns.", "2027-01-04", "2027-01-08", "window"),
            (
                "ab-heiligabend-away",
                "Ab Heiligabend bin ich im Urlaub, aber am 4.1. rufe ich Sie an.",
                "2027-01-04",
                "on",
            ),
        ],
    ),
    *_cases(
        WED_BEFORE_CHRISTMAS,
        [
            (
                "by-nach-dreikoenig",
                "Nach Dreikönig melden wir uns.",
                "2027-01-07",
                "2027-01-13",
                "after",
            ),
            ("by-bis-fronleichnam", "Bis Fronleichnam ist alles klar.", "2027-05-27", "by"),
        ],
        "by",
    ),
    *_cases(
        FRI_END_OF_JANUARY,
        [
            (
                "ende-des-quartals-said-january",
                "Ende des Quartals wissen wir es.",
                "2027-03-31",
                "by",
            ),
            (
                "mitte-des-monats-said-after-the-20th",
                "Mitte des Monats melden wir uns.",
                "2027-02-11",
                "2027-02-20",
                "window",
            ),
            (
                "anfang-februar",
                "Anfang Februar bekommen Sie Post.",
                "2027-02-01",
                "2027-02-10",
                "window",
            ),
            (
                "zum-ersten-des-naechsten-monats",
                "Bis zum Ersten des nächsten Monats melden wir uns.",
                "2027-02-01",
                "by",
            ),
            ("bis-rosenmontag", "Bis Rosenmontag haben Sie eine Antwort.", "2027-02-08", "by"),
        ],
    ),
    *_cases(
        SAT_BEFORE_IMMACULATE_CONCEPTION,
        [
            ("at-bis-dienstag-a-holiday", "Bis Dienstag melden wir uns.", "2026-12-08", "by"),
            (
                "at-zwei-werktage-said-saturday",
                "In zwei Werktagen haben Sie Bescheid.",
                "2026-12-09",
                "by",
            ),
            (
                "at-naechste-woche-said-saturday",
                "Nächste Woche melden wir uns.",
                "2026-12-07",
                "2026-12-11",
                "window",
            ),
        ],
        "at",
    ),
    *_cases(
        SUN_IN_ADVENT,
        [
            ("ch-diese-woche-said-sunday", "Diese Woche noch melden wir uns.", "2026-12-11", "by"),
            ("ch-morgen-said-sunday", "Morgen rufe ich Sie an.", "2026-12-07", "on"),
            (
                "ch-nach-dem-stephanstag",
                "Nach dem Stephanstag melden wir uns.",
                "2026-12-27",
                "2027-01-04",
                "after",
            ),
        ],
        "ch",
    ),
    *_cases(
        SAT_AUTUMN_DST,
        [("de-montag-said-on-the-dst-weekend", "Am Montag rufen wir an.", "2026-10-26", "on")],
    ),
]
