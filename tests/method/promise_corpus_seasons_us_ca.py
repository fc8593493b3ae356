"""Season sentences said to companies in the United States and Canada (promise_corpus_seasons)."""

from __future__ import annotations

from .promise_corpus import Case, _cases

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
