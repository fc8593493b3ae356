"""Sentences about holidays, quarters and the turn of the year, said to companies in six countries.

METHOD §5.1: every date is read in the company's country and zone. The moments are chosen where
readers slip: a Friday, a weekend, the day before a holiday, the week the clocks change. Business
days follow each country's public holidays (the US also closes the day after Thanksgiving, Dec 24
and Dec 31); the Australian company is in New South Wales.
"""

from __future__ import annotations

from pursuit.method.calendar import BusinessCalendar

from .promise_corpus import Case, _cases

SEASON_CALENDARS = {
    "ca": BusinessCalendar(zone="America/Toronto", country="CA"),
    "gb": BusinessCalendar(zone="Europe/London", country="GB"),
    "ie": BusinessCalendar(zone="Europe/Dublin", country="IE"),
    "au": BusinessCalendar(zone="Australia/Sydney", country="AU", subdiv="NSW"),
}

# -- United States (New York): Thanksgiving Thu Nov 26 2026, clocks back Sun Nov 1 2026 and
# forward Sun Mar 14 2027, Easter Sun Mar 28 2027.
US_FRI = "2026-11-20T16:30"
US_SAT = "2026-11-21T10:00"
US_DAY_BEFORE_THANKSGIVING = "2026-11-25T15:00"
US_DST_MONDAY = "2026-11-02T10:00"
US_MID_DECEMBER = "2026-12-15T10:00"
US_SUNDAY_BEFORE_CHRISTMAS = "2026-12-20T19:00"
US_FRI_BEFORE_SPRING_FORWARD = "2027-03-12T09:00"

US: list[Case] = [
    *_cases(
        US_FRI,
        [
            (
                "us-fri-before-thanksgiving",
                "We'll have an answer for you before Thanksgiving.",
                "2026-11-26",
                "by",
            ),
            (
                "us-fri-after-thanksgiving",
                "Expect to hear from us after Thanksgiving",
                "2026-11-27",
                "2026-12-04",
                "after",
            ),
            (
                "us-fri-by-the-holidays",
                "We want someone in the seat by the holidays",
                "2026-12-23",
                "by",
            ),
            (
                "us-fri-after-the-holidays",
                "Honestly we'll regroup after the holidays.",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "us-fri-early-new-year",
                "Offers usually go out early in the new year",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "us-fri-end-of-quarter",
                "The req has to be filled by the end of the quarter",
                "2026-12-31",
                "by",
            ),
            ("us-fri-in-q1", "Start date would be in Q1", "2027-01-01", "2027-03-31", "window"),
            ("us-fri-fortnight", "Give us a fortnight, tops", "2026-12-04", "by"),
            ("us-fri-monday-week", "Let's talk Monday week", "2026-11-30", "on"),
            (
                "us-fri-after-panel-tuesday",
                "We decide after the panel meets on Tuesday",
                "2026-11-25",
                "2026-12-03",
                "after",
            ),
            (
                "us-fri-wont-until-wed",
                "We won't know anything until Wednesday",
                "2026-11-26",
                "2026-12-04",
                "after",
            ),
            (
                "us-fri-out-24th-by-23rd",
                "I'm out on the 24th, but you'll have our answer by the 23rd",
                "2026-11-23",
                "by",
            ),
            ("us-fri-twenty-fifth", "Final word by the twenty-fifth", "2026-11-25", "by"),
            ("us-fri-call-u-wed", "will call u wed", "2026-11-25", "on"),
            ("us-fri-numeric", "We'll send the offer by 12/4", "2026-12-04", "by"),
            ("us-fri-nxt-wk", "nxt wk for sure", "2026-11-23", "2026-11-27", "window"),
        ],
    ),
    *_cases(
        US_SAT,
        [
            (
                "us-sat-middle-of-month",
                "We'll circle back by the middle of the month",
                "2026-12-11",
                "2026-12-20",
                "by",
            ),
            (
                "us-sat-until-mid-month",
                "Give us until mid-month, please",
                "2026-12-11",
                "2026-12-20",
                "by",
            ),
            ("us-sat-monday-week", "How's Monday week?", "2026-11-30", "on"),
            (
                "us-sat-week-on-wednesday",
                "Someone will ring you a week on Wednesday",
                "2026-12-02",
                "on",
            ),
            ("us-sat-two-weeks-time", "You'll hear in two weeks' time", "2026-12-05", "by"),
            (
                "us-sat-sometime-this-quarter",
                "We close the search sometime this quarter",
                "2026-12-31",
                "by",
            ),
            ("us-sat-tmrw", "We'll let you know tmrw", "2026-11-22", "on"),
            (
                "us-sat-after-thanksgiving",
                "We should know more after Thanksgiving",
                "2026-11-27",
                "2026-12-04",
                "after",
            ),
        ],
    ),
    *_cases(
        US_DAY_BEFORE_THANKSGIVING,
        [
            (
                "us-wed-long-weekend",
                "Enjoy the holiday, we'll talk after the long weekend",
                "2026-11-27",
                "2026-12-04",
                "after",
            ),
            (
                "us-wed-by-christmas",
                "We'd like to have this wrapped up by Christmas",
                "2026-12-25",
                "by",
            ),
            (
                "us-wed-before-christmas-eve",
                "You'll get the paperwork before Christmas Eve",
                "2026-12-24",
                "by",
            ),
            (
                "us-wed-nothing-before-new-year",
                "Nothing will happen before the new year",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "us-wed-early-december",
                "We'll schedule finals in early December",
                "2026-12-01",
                "2026-12-10",
                "window",
            ),
            (
                "us-wed-end-of-the-quarter",
                "Budget resets at the end of the quarter",
                "2026-12-31",
                "by",
            ),
            ("us-wed-monday-week", "We'll call Monday week", "2026-12-07", "on"),
            ("us-wed-on-the-third", "The committee sits on the third.", "2026-12-03", "on"),
            ("us-wed-tmr-thanksgiving", "tmr is Thanksgiving, so Monday", "2026-11-30", "on"),
            (
                "us-wed-off-until-monday",
                "They're off until Monday, we'll call you Tuesday",
                "2026-12-01",
                "on",
            ),
            (
                "us-wed-once-legal",
                "We'll be in touch once legal signs off",
                "2026-11-25",
                "2026-12-04",
                "around",
            ),
            (
                "us-wed-after-offsite",
                "We'll know after the offsite",
                "2026-11-25",
                "2026-12-04",
                "around",
            ),
        ],
    ),
    *_cases(
        US_DST_MONDAY,
        [
            ("us-dst-by-veterans-day", "We'll be done by Veterans Day", "2026-11-11", "by"),
            (
                "us-dst-after-veterans-day",
                "Expect a call after Veterans Day",
                "2026-11-12",
                "2026-11-18",
                "after",
            ),
            (
                "us-dst-before-thanksgiving",
                "The decision comes before Thanksgiving",
                "2026-11-26",
                "by",
            ),
            ("us-dst-mid-month", "Mid-month is our target", "2026-11-11", "2026-11-20", "window"),
            ("us-dst-week-from-friday", "We'll call you a week from Friday", "2026-11-13", "on"),
            ("us-dst-friday-week", "Friday week at the latest", "2026-11-13", "by"),
            ("us-dst-fifteenth", "By the fifteenth, I promise", "2026-11-15", "by"),
            ("us-dst-numeric", "We'll have references checked by 11/13", "2026-11-13", "by"),
            ("us-dst-eow", "update EOW", "2026-11-06", "by"),
            (
                "us-dst-not-before-10th",
                "Not before the 10th, I'm afraid",
                "2026-11-11",
                "2026-11-18",
                "after",
            ),
            ("us-dst-this-quarter", "We hire this quarter", "2026-12-31", "by"),
            ("us-dst-q4", "The role opens in Q4", "2026-11-02", "2026-12-31", "window"),
        ],
    ),
    *_cases(
        US_MID_DECEMBER,
        [
            ("us-dec-before-the-break", "We'll confirm before the break", "2026-12-23", "by"),
            (
                "us-dec-festive-season",
                "Things are slow over the festive season",
                "2026-12-24",
                "2027-01-01",
                "window",
            ),
            (
                "us-dec-after-new-year",
                "Let's pick this up after the new year",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "us-dec-in-new-year",
                "We'll make offers in the new year",
                "2027-01-01",
                "2027-01-31",
                "window",
            ),
            (
                "us-dec-next-quarter",
                "Headcount opens next quarter",
                "2027-01-01",
                "2027-03-31",
                "window",
            ),
            ("us-dec-end-of-q1", "You'd start by the end of Q1", "2027-03-31", "by"),
            (
                "us-dec-vacation-next-week",
                "I'm on vacation next week; expect our answer by the 23rd",
                "2026-12-23",
                "by",
            ),
            (
                "us-dec-after-christmas",
                "The team reconvenes after Christmas",
                "2026-12-26",
                "2027-01-05",
                "after",
            ),
            ("us-dec-week-on-monday", "Let's say a week on Monday", "2026-12-28", "on"),
            ("us-dec-fortnight", "In a fortnight we'll know", "2026-12-29", "by"),
        ],
    ),
    *_cases(
        US_SUNDAY_BEFORE_CHRISTMAS,
        [
            (
                "us-sun-by-christmas-eve",
                "Sorry for the weekend email, you'll hear by Christmas Eve",
                "2026-12-24",
                "by",
            ),
            (
                "us-sun-after-boxing-day",
                "We're back after Boxing Day",
                "2026-12-27",
                "2027-01-05",
                "after",
            ),
            (
                "us-sun-before-the-holidays",
                "I'd hoped to call before the holidays",
                "2026-12-23",
                "by",
            ),
            (
                "us-sun-after-the-holidays",
                "It'll be after the holidays now",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            ("us-sun-by-nye", "By New Year's Eve you'll know", "2026-12-31", "by"),
            ("us-sun-by-new-years-day", "We aim to decide by New Year's Day", "2027-01-01", "by"),
            ("us-sun-eom", "Decision EOM", "2026-12-31", "by"),
            ("us-sun-thurs", "ping u thurs", "2026-12-24", "on"),
        ],
    ),
    *_cases(
        US_FRI_BEFORE_SPRING_FORWARD,
        [
            ("us-mar-by-easter", "We'll know by Easter", "2027-03-28", "by"),
            (
                "us-mar-after-easter",
                "Interviews resume after Easter",
                "2027-03-29",
                "2027-04-02",
                "after",
            ),
            ("us-mar-st-patricks", "We'll call before St. Patrick's Day", "2027-03-17", "by"),
            ("us-mar-end-of-quarter", "Quarter-end is the deadline", "2027-03-31", "by"),
            ("us-mar-q2", "We're hiring for Q2", "2027-04-01", "2027-06-30", "window"),
            ("us-mar-monday-week", "Monday week works for a second round", "2027-03-22", "on"),
            ("us-mar-numeric", "Decision by 3/20", "2027-03-20", "by"),
            ("us-mar-memorial-day", "Everything's done by Memorial Day", "2027-05-31", "by"),
        ],
    ),
]

# -- Canada (Toronto): Thanksgiving Mon Oct 12 2026, clocks back Sun Nov 1 2026. Only national
# holidays close: Boxing Day and Remembrance Day stay open.
CA_FRI_BEFORE_THANKSGIVING = "2026-10-09T14:00"
CA_SUN_BEFORE_THANKSGIVING = "2026-10-11T12:00"
CA_FRI_BEFORE_CLOCKS_GO_BACK = "2026-10-30T10:00"
CA_FRI_BEFORE_CHRISTMAS = "2026-12-18T11:00"

CA: list[Case] = [
    *_cases(
        CA_FRI_BEFORE_THANKSGIVING,
        [
            (
                "ca-fri-before-thanksgiving",
                "We'll have a decision before Thanksgiving",
                "2026-10-12",
                "by",
            ),
            (
                "ca-fri-after-thanksgiving",
                "We'll reach out after Thanksgiving",
                "2026-10-13",
                "2026-10-19",
                "after",
            ),
            ("ca-fri-monday-week", "Monday week, then", "2026-10-19", "on"),
            ("ca-fri-fortnight", "We'll need a fortnight", "2026-10-23", "by"),
            ("ca-fri-end-of-quarter", "Offer by the end of the quarter", "2026-12-31", "by"),
            (
                "ca-fri-mid-month",
                "We're aiming for mid-month",
                "2026-10-11",
                "2026-10-20",
                "window",
            ),
            (
                "ca-fri-wont-before-20th",
                "We won't decide before the 20th",
                "2026-10-21",
                "2026-10-27",
                "after",
            ),
            ("ca-fri-fifteenth", "Expect it by the fifteenth", "2026-10-15", "by"),
            ("ca-fri-month-first-only", "Our answer by 10/16", "2026-10-16", "by"),
            ("ca-fri-day-first", "Our answer by 16/10", "2026-10-16", "by"),
            ("ca-fri-could-swap", "Start on 3/11", "2026-11-03", "on"),
            ("ca-fri-q4", "We fill it in Q4", "2026-10-09", "2026-12-31", "window"),
            (
                "ca-fri-away-13th",
                "I'm away on the 13th but you'll hear from me by the 14th",
                "2026-10-14",
                "by",
            ),
        ],
    ),
    *_cases(
        CA_SUN_BEFORE_THANKSGIVING,
        [
            (
                "ca-sun-tmrw-thanksgiving",
                "tmrw is Thanksgiving so we'll call Tuesday",
                "2026-10-13",
                "on",
            ),
            (
                "ca-sun-after-thanksgiving-day",
                "After Thanksgiving Day we'll be in touch",
                "2026-10-13",
                "2026-10-19",
                "after",
            ),
            ("ca-sun-week-from-tuesday", "A week from Tuesday works", "2026-10-20", "on"),
            ("ca-sun-end-of-month", "We'll know by the end of the month", "2026-10-31", "by"),
            ("ca-sun-nxt-wk", "Talk nxt wk", "2026-10-12", "2026-10-16", "window"),
            ("ca-sun-remembrance-day", "We'll be done by Remembrance Day", "2026-11-11", "by"),
            ("ca-sun-halloween", "An offer before Halloween", "2026-10-31", "by"),
        ],
    ),
    *_cases(
        CA_FRI_BEFORE_CLOCKS_GO_BACK,
        [
            (
                "ca-dst-before-the-holidays",
                "We'd love to close this before the holidays",
                "2026-12-23",
                "by",
            ),
            (
                "ca-dst-after-the-holidays",
                "Realistically it's after the holidays",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "ca-dst-early-new-year",
                "The position starts early in the new year",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "ca-dst-middle-of-month",
                "By the middle of the month you'll know",
                "2026-11-11",
                "2026-11-20",
                "by",
            ),
            (
                "ca-dst-next-quarter",
                "Budget lands next quarter",
                "2027-01-01",
                "2027-03-31",
                "window",
            ),
            ("ca-dst-monday-week", "We'll phone Monday week", "2026-11-09", "on"),
            ("ca-dst-two-weeks-time", "In two weeks' time we'll decide", "2026-11-13", "by"),
            (
                "ca-dst-board-meets-5th",
                "We'll call after our board meets on the 5th",
                "2026-11-06",
                "2026-11-12",
                "after",
            ),
            (
                "ca-dst-not-until-10th",
                "Not until the 10th, sorry",
                "2026-11-11",
                "2026-11-17",
                "after",
            ),
            ("ca-dst-by-the-third", "References by the third", "2026-11-03", "by"),
            ("ca-dst-dotted", "Decision by 06.11.", "2026-11-06", "by"),
        ],
    ),
    *_cases(
        CA_FRI_BEFORE_CHRISTMAS,
        [
            ("ca-dec-by-christmas", "An answer by Christmas, I hope", "2026-12-25", "by"),
            (
                "ca-dec-after-boxing-day",
                "We restart after Boxing Day",
                "2026-12-27",
                "2027-01-04",
                "after",
            ),
            (
                "ca-dec-over-the-holidays",
                "Nobody decides anything over the holidays",
                "2026-12-24",
                "2027-01-01",
                "window",
            ),
            (
                "ca-dec-sometime-new-year",
                "Sometime in the new year",
                "2027-01-01",
                "2027-01-31",
                "window",
            ),
            (
                "ca-dec-closed-until-4th",
                "We're closed until the 4th",
                "2027-01-05",
                "2027-01-11",
                "after",
            ),
            ("ca-dec-q1", "Onboarding would be Q1", "2027-01-01", "2027-03-31", "window"),
            ("ca-dec-new-years", "by New Year's", "2027-01-01", "by"),
            (
                "ca-dec-fifteenth-of-january",
                "By the fifteenth of January at the latest",
                "2027-01-15",
                "by",
            ),
        ],
    ),
]

# -- Britain (London): Christmas Fri Dec 25 2026, Boxing Day Sat Dec 26 (observed Mon Dec 28),
# clocks back Sun Oct 25 2026; numeric dates day first.
GB_CHRISTMAS_EVE = "2026-12-24T10:00"
GB_CLOCKS_BACK_SUNDAY = "2026-10-25T18:00"
GB_FRI = "2026-11-27T17:00"
GB_SAT = "2026-12-05T09:00"

GB: list[Case] = [
    *_cases(
        GB_CHRISTMAS_EVE,
        [
            (
                "gb-eve-after-boxing-day",
                "We'll pick this up after Boxing Day",
                "2026-12-27",
                "2027-01-05",
                "after",
            ),
            (
                "gb-eve-after-the-holidays",
                "Have a lovely Christmas, we'll be in touch after the holidays",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "gb-eve-early-new-year",
                "We'll ring early in the new year",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "gb-eve-not-before-new-year",
                "Not before the new year, I'm afraid",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            ("gb-eve-week-on-monday", "Shall we say a week on Monday?", "2027-01-04", "on"),
            (
                "gb-eve-monday-fortnight",
                "Monday fortnight for the second round",
                "2027-01-11",
                "on",
            ),
            (
                "gb-eve-end-of-quarter",
                "Sign-off is due by the end of the quarter",
                "2026-12-31",
                "by",
            ),
            ("gb-eve-numeric", "We'll confirm by 8/1", "2027-01-08", "by"),
            ("gb-eve-dotted", "We'll confirm by 08.01.", "2027-01-08", "by"),
            (
                "gb-eve-festive-period",
                "Over the festive period it's quiet",
                "2026-12-24",
                "2027-01-01",
                "window",
            ),
            ("gb-eve-fortnight", "We'll ring you in a fortnight", "2027-01-07", "by"),
            ("gb-eve-by-the-fifth", "By the fifth we'll have decided", "2027-01-05", "by"),
        ],
    ),
    *_cases(
        GB_CLOCKS_BACK_SUNDAY,
        [
            ("gb-dst-by-christmas", "We'll have an answer by Christmas", "2026-12-25", "by"),
            (
                "gb-dst-before-christmas-break",
                "Before the Christmas break, definitely",
                "2026-12-23",
                "by",
            ),
            ("gb-dst-mid-month", "mid-month, probably", "2026-11-11", "2026-11-20", "window"),
            ("gb-dst-monday-week", "We'll call you Monday week", "2026-11-02", "on"),
            ("gb-dst-week-on-friday", "A week on Friday is the plan", "2026-11-06", "on"),
            ("gb-dst-eow", "Feedback EOW", "2026-10-30", "by"),
            ("gb-dst-numeric", "Decision by 3/11", "2026-11-03", "by"),
            ("gb-dst-this-quarter", "We're filling it this quarter", "2026-12-31", "by"),
            ("gb-dst-by-q1", "by Q1 2027", "2027-01-01", "2027-03-31", "by"),
            ("gb-dst-on-leave-then-9th", "I'm on leave next week, so the 9th", "2026-11-09", "on"),
        ],
    ),
    *_cases(
        GB_FRI,
        [
            (
                "gb-fri-before-festive-season",
                "We'll decide before the festive season",
                "2026-12-23",
                "by",
            ),
            (
                "gb-fri-after-new-year",
                "After the new year, realistically",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "gb-fri-after-christmas",
                "We'll be back to you after Christmas",
                "2026-12-26",
                "2027-01-05",
                "after",
            ),
            ("gb-fri-tmrw", "I'll text u tmrw", "2026-11-28", "on"),
            (
                "gb-fri-middle-of-month",
                "By the middle of the month at the latest",
                "2026-12-11",
                "2026-12-20",
                "by",
            ),
            ("gb-fri-dotted", "Shortlist by 04.12.", "2026-12-04", "by"),
            (
                "gb-fri-once-panel-thursday",
                "We'll decide once the panel has met on Thursday",
                "2026-12-03",
                "on",
            ),
        ],
    ),
    *_cases(
        GB_SAT,
        [
            ("gb-sat-monday-week", "Monday week we'll have news", "2026-12-14", "on"),
            ("gb-sat-fortnight-today", "A fortnight today", "2026-12-19", "by"),
            ("gb-sat-twentieth", "by the twentieth", "2026-12-20", "by"),
            ("gb-sat-boxing-day", "We'll decide by Boxing Day", "2026-12-26", "by"),
            (
                "gb-sat-nothing-until-after-christmas",
                "Nothing's going to happen until after Christmas",
                "2026-12-26",
                "2027-01-05",
                "after",
            ),
            ("gb-sat-end-of-q4", "End of Q4 is the deadline", "2026-12-31", "by"),
        ],
    ),
]

# -- Ireland (Dublin): St Patrick's Day Wed Mar 17 2027, Easter Monday Mar 29 2027, the October
# bank holiday Mon Oct 26 2026 the day after the clocks go back.
IE_DAY_BEFORE_PATRICKS = "2027-03-16T10:00"
IE_FRI_BEFORE_BANK_HOLIDAY = "2026-10-23T15:00"
IE_SAT = "2026-12-12T11:00"

IE: list[Case] = [
    *_cases(
        IE_DAY_BEFORE_PATRICKS,
        [
            (
                "ie-tue-after-paddys-day",
                "We'll come back to you after Paddy's Day",
                "2027-03-18",
                "2027-03-24",
                "after",
            ),
            ("ie-tue-by-st-patricks", "Hopefully by St Patrick's Day", "2027-03-17", "by"),
            ("ie-tue-before-easter", "You'll have it before Easter", "2027-03-28", "by"),
            (
                "ie-tue-after-easter-break",
                "We'll regroup after the Easter break",
                "2027-03-30",
                "2027-04-05",
                "after",
            ),
            (
                "ie-tue-after-easter-monday",
                "After Easter Monday we'll know",
                "2027-03-30",
                "2027-04-05",
                "after",
            ),
            (
                "ie-tue-end-of-quarter",
                "The hire closes by the end of the quarter",
                "2027-03-31",
                "by",
            ),
            ("ie-tue-thursday-week", "Thursday week for the final round", "2027-03-25", "on"),
            ("ie-tue-fortnight", "Within a fortnight", "2027-03-30", "by"),
            ("ie-tue-numeric", "Send it back by 24/3", "2027-03-24", "by"),
            ("ie-tue-not-until-22nd", "Not until the 22nd", "2027-03-23", "2027-03-30", "after"),
            ("ie-tue-twenty-second", "We'll decide by the twenty-second", "2027-03-22", "by"),
            (
                "ie-tue-out-tomorrow",
                "She's out tomorrow, but we'll call you on Friday",
                "2027-03-19",
                "on",
            ),
        ],
    ),
    *_cases(
        IE_FRI_BEFORE_BANK_HOLIDAY,
        [
            (
                "ie-fri-after-bank-holiday",
                "Enjoy the weekend, we'll call after the bank holiday",
                "2026-10-27",
                "2026-11-02",
                "after",
            ),
            (
                "ie-fri-after-bank-holiday-weekend",
                "After the bank holiday weekend we'll be in touch",
                "2026-10-27",
                "2026-11-02",
                "after",
            ),
            ("ie-fri-monday-week", "Monday week suits us", "2026-11-02", "on"),
            ("ie-fri-halloween", "We should know by Halloween", "2026-10-31", "by"),
            (
                "ie-fri-before-christmas-holidays",
                "Before the Christmas holidays for sure",
                "2026-12-23",
                "by",
            ),
            ("ie-fri-mid-month", "Around mid-month", "2026-11-11", "2026-11-20", "around"),
            (
                "ie-fri-end-of-next-month",
                "By the end of next month",
                "2026-11-21",
                "2026-11-30",
                "by",
            ),
            ("ie-fri-q1", "The role starts in Q1", "2027-01-01", "2027-03-31", "window"),
            (
                "ie-fri-holidays-then-4th",
                "I'm on holidays next week. Expect a call on the 4th.",
                "2026-11-04",
                "on",
            ),
            ("ie-fri-numeric", "Decision by 30/10", "2026-10-30", "by"),
            ("ie-fri-dotted", "Decision by 2.11.", "2026-11-02", "by"),
        ],
    ),
    *_cases(
        IE_SAT,
        [
            (
                "ie-sat-before-the-holidays",
                "We'll get back to you before the holidays",
                "2026-12-23",
                "by",
            ),
            (
                "ie-sat-after-st-stephens",
                "After St Stephen's Day, so",
                "2026-12-27",
                "2027-01-04",
                "after",
            ),
            (
                "ie-sat-early-new-year",
                "Early in the new year we'll start interviews",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            ("ie-sat-week-on-thursday", "A week on Thursday, if that suits", "2026-12-24", "on"),
            (
                "ie-sat-wont-until-new-year",
                "We won't be deciding until the new year",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            ("ie-sat-fifteenth", "by the fifteenth", "2026-12-15", "by"),
            ("ie-sat-eod-monday", "EOD Monday", "2026-12-14", "on"),
        ],
    ),
]

# -- Germany (Berlin), English said to a German company: numeric dates day first, no US closures,
# Easter Sun Mar 28 2027 (Good Friday and Easter Monday closed), clocks forward that Sunday.
DE_FRI_BEFORE_UNITY_DAY = "2026-10-02T11:00"
DE_WED_BEFORE_CLOCKS_GO_FORWARD = "2027-03-24T10:00"
DE_SUN = "2026-11-29T20:00"

DE: list[Case] = [
    *_cases(
        DE_FRI_BEFORE_UNITY_DAY,
        [
            ("de-fri-by-christmas", "We'd like to decide by Christmas", "2026-12-25", "by"),
            ("de-fri-before-the-holidays", "Before the holidays you will know", "2026-12-23", "by"),
            (
                "de-fri-after-the-holidays",
                "The start would be after the holidays",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            ("de-fri-end-of-quarter", "We must hire by the end of the quarter", "2026-12-31", "by"),
            ("de-fri-monday-week", "Monday week is our next round", "2026-10-12", "on"),
            ("de-fri-dotted", "Please expect our answer by 15.10.", "2026-10-15", "by"),
            ("de-fri-dotted-year", "Contract by 5.10.2026", "2026-10-05", "by"),
            ("de-fri-numeric", "Decision by 5/10", "2026-10-05", "by"),
            ("de-fri-mid-month", "Mid-month we decide", "2026-10-11", "2026-10-20", "window"),
            (
                "de-fri-works-council",
                "We answer after our works council meets on the 8th",
                "2026-10-09",
                "2026-10-15",
                "after",
            ),
            ("de-fri-not-before-12th", "Not before the 12th", "2026-10-13", "2026-10-19", "after"),
        ],
    ),
    *_cases(
        DE_WED_BEFORE_CLOCKS_GO_FORWARD,
        [
            ("de-dst-before-easter", "We decide before Easter", "2027-03-28", "by"),
            (
                "de-dst-after-easter",
                "After Easter we will call you",
                "2027-03-29",
                "2027-04-05",
                "after",
            ),
            (
                "de-dst-after-easter-holidays",
                "We'll be back after the Easter holidays",
                "2027-03-30",
                "2027-04-05",
                "after",
            ),
            ("de-dst-good-friday", "Feedback by Good Friday", "2027-03-26", "by"),
            ("de-dst-pentecost", "The team is complete by Pentecost", "2027-05-16", "by"),
            (
                "de-dst-after-whit-monday",
                "After Whit Monday the new team starts",
                "2027-05-18",
                "2027-05-24",
                "after",
            ),
            ("de-dst-end-of-quarter", "end of the quarter", "2027-03-31", "by"),
            (
                "de-dst-next-quarter",
                "The position opens next quarter",
                "2027-04-01",
                "2027-06-30",
                "window",
            ),
            ("de-dst-week-on-thursday", "A week on Thursday we meet again", "2027-04-01", "on"),
            ("de-dst-thirtieth", "by the thirtieth", "2027-03-30", "by"),
            (
                "de-dst-travelling-monday",
                "I'm travelling on Monday, so expect our decision by Tuesday",
                "2027-03-30",
                "by",
            ),
            ("de-dst-ascension", "Signed by Ascension Day", "2027-05-06", "by"),
        ],
    ),
    *_cases(
        DE_SUN,
        [
            ("de-sun-christmas-eve", "Everything is signed by Christmas Eve", "2026-12-24", "by"),
            ("de-sun-fortnight", "In a fortnight", "2026-12-13", "by"),
            ("de-sun-monday-week", "Monday week", "2026-12-07", "on"),
            (
                "de-sun-early-new-year",
                "Early in the new year",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            (
                "de-sun-middle-of-month",
                "By the middle of the month",
                "2026-12-11",
                "2026-12-20",
                "by",
            ),
            ("de-sun-dotted", "We answer by 03.12.", "2026-12-03", "by"),
            (
                "de-sun-nothing-before-10th",
                "Nothing will happen before the 10th",
                "2026-12-11",
                "2026-12-17",
                "after",
            ),
        ],
    ),
]

# -- Australia (Sydney, New South Wales): clocks forward Sun Oct 4 2026 with Labour Day Mon Oct 5;
# Christmas, Boxing Day (observed Mon Dec 28), Australia Day Tue Jan 26 2027.
AU_FRI_BEFORE_LONG_WEEKEND = "2026-10-02T10:00"
AU_SAT = "2026-12-19T10:00"
AU_DAY_BEFORE_AUSTRALIA_DAY = "2027-01-25T10:00"

AU: list[Case] = [
    *_cases(
        AU_FRI_BEFORE_LONG_WEEKEND,
        [
            (
                "au-fri-after-long-weekend",
                "We'll get back to you after the long weekend",
                "2026-10-06",
                "2026-10-12",
                "after",
            ),
            (
                "au-fri-after-labour-day",
                "After Labour Day, mate",
                "2026-10-06",
                "2026-10-12",
                "after",
            ),
            ("au-fri-tuesday-week", "Tuesday week for the next chat", "2026-10-13", "on"),
            (
                "au-fri-end-of-quarter",
                "By the end of the quarter we'll have someone",
                "2026-12-31",
                "by",
            ),
            ("au-fri-before-christmas", "Before Christmas, no worries", "2026-12-25", "by"),
            ("au-fri-mid-month", "Mid-month works", "2026-10-11", "2026-10-20", "window"),
            ("au-fri-numeric", "Answer by 9/10", "2026-10-09", "by"),
            ("au-fri-ninth", "Answer by the ninth", "2026-10-09", "by"),
            (
                "au-fri-leave-until-12th",
                "I'm on leave until the 12th",
                "2026-10-13",
                "2026-10-19",
                "after",
            ),
            (
                "au-fri-wont-before-14th",
                "It won't be before the 14th",
                "2026-10-15",
                "2026-10-21",
                "after",
            ),
            ("au-fri-fortnight", "Give us a fortnight", "2026-10-16", "by"),
        ],
    ),
    *_cases(
        AU_SAT,
        [
            (
                "au-sat-after-christmas-break",
                "We'll be in touch after the Christmas break",
                "2027-01-02",
                "2027-01-08",
                "after",
            ),
            (
                "au-sat-before-the-break",
                "Hoping to lock it in before the break",
                "2026-12-23",
                "by",
            ),
            ("au-sat-boxing-day", "by Boxing Day", "2026-12-26", "by"),
            ("au-sat-australia-day", "Sorted by Australia Day", "2027-01-26", "by"),
            (
                "au-sat-after-australia-day",
                "After Australia Day we'll call",
                "2027-01-27",
                "2027-02-02",
                "after",
            ),
            (
                "au-sat-early-new-year",
                "Early in the new year",
                "2027-01-01",
                "2027-01-10",
                "window",
            ),
            ("au-sat-monday-week", "Monday week", "2026-12-28", "on"),
            ("au-sat-next-quarter", "Next quarter", "2027-01-01", "2027-03-31", "window"),
            ("au-sat-numeric", "Offer out by 11/1", "2027-01-11", "by"),
        ],
    ),
    *_cases(
        AU_DAY_BEFORE_AUSTRALIA_DAY,
        [
            (
                "au-mon-after-australia-day",
                "Enjoy tomorrow, we'll call after Australia Day",
                "2027-01-27",
                "2027-02-02",
                "after",
            ),
            ("au-mon-anzac-day", "Done by Anzac Day", "2027-04-25", "by"),
            ("au-mon-before-easter", "Before Easter", "2027-03-28", "by"),
            ("au-mon-end-of-q1", "End of Q1", "2027-03-31", "by"),
            ("au-mon-week-on-wednesday", "A week on Wednesday", "2027-02-03", "on"),
            (
                "au-mon-middle-of-month",
                "By the middle of the month",
                "2027-02-11",
                "2027-02-20",
                "by",
            ),
        ],
    ),
]

SEASON_CORPUS: list[Case] = [
    *(c._replace(calendar="us") for c in US),
    *(c._replace(calendar="ca", locale="en_CA") for c in CA),
    *(c._replace(calendar="gb", locale="en_GB") for c in GB),
    *(c._replace(calendar="ie", locale="en_IE") for c in IE),
    *(c._replace(calendar="de", locale="de_DE") for c in DE),
    *(c._replace(calendar="au", locale="en_AU") for c in AU),
]
