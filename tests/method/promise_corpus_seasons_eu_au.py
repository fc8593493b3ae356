"""Season sentences said to companies in Britain, Ireland, Germany and Australia."""

from __future__ import annotations

from .promise_corpus import Case, _cases

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
