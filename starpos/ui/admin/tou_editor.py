"""A time-of-use scheme (manual 2.12 A): the T1-T4 index prices, up to 8 day tariffs
(switch times to T1..T4), up to 8 week tariffs (the day tariff of each weekday), the season
tariff (a week tariff from a date on) and the holiday tariff (a day tariff on a date).

One line per proposal, written as the manual's tables read row by row, so every part is a
field Tab reaches and Ctrl+Tab moves between the pages:

- day tariff: ``01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2`` (before its first time the last
  switch runs on, the manual's T2 from 22:00 to 1:00);
- week tariff: ``1 1 1 1 1 2 2``, Monday to Sunday;
- seasons: ``05-01 W1, 11-01 W2``; holidays: ``01-01 D2, 2027-10-01 D2``.

Empty lines take the manual's defaults (day tariff 1 is T1 all day, week tariff 1 uses day
tariff 1 every day, no season, no holiday).
"""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from starpos import pricing
from starpos.pricing.tou import PROPOSAL_NUMBERS
from starpos.ui.admin.tariff_inputs import InputProblem, price
from starpos.ui.signals import emit
from starpos.ui.translator import tr

_SWITCH = re.compile(r"(\d{1,2}):(\d{2})\s*[Tt]\s*(\d)")
_DATED = re.compile(r"(?:(\d{4})-)?(\d{1,2})-(\d{1,2})\s*([WwDd])\s*(\d)")
_LEAP_YEAR = 2024  # a month and day are checked against a year that has 29 February


class TouEditor(QTabWidget):
    #: a field changed (the preview follows)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touEditor")
        self.prices = [QLineEdit() for _ in range(4)]
        self.days = [QLineEdit() for _ in PROPOSAL_NUMBERS]
        self.weeks = [QLineEdit() for _ in PROPOSAL_NUMBERS]
        self.seasons, self.holidays = QLineEdit(), QLineEdit()
        self.labels: list[tuple[QLabel, str, int]] = []
        self.helps: list[tuple[QLabel, str]] = []
        self._page("touPrices", [("price", n, line) for n, line in enumerate(self.prices, 1)])
        self._page("touDays", [("day", n, line) for n, line in enumerate(self.days, 1)])
        self._page("touWeeks", [("week", n, line) for n, line in enumerate(self.weeks, 1)])
        self._page("touDates", [("seasons", 0, self.seasons), ("holidays", 0, self.holidays)])
        for name, lines in (("touPrice", self.prices), ("day", self.days), ("week", self.weeks)):
            for number, line in enumerate(lines, 1):
                line.setObjectName(f"{name}{number}")
        self.seasons.setObjectName("seasons")
        self.holidays.setObjectName("holidays")
        for line in (*self.prices, *self.days, *self.weeks, self.seasons, self.holidays):
            line.textChanged.connect(lambda _text: emit(self.changed))
        self.retranslate_ui()

    def _page(self, name: str, rows: list[tuple[str, int, QLineEdit]]) -> None:
        """A page of labelled lines: ``rows`` are (what the line is, its number, the line)."""
        page = QWidget()
        page.setObjectName(name)
        form = QFormLayout()
        for role, number, line in rows:
            label = QLabel()
            label.setBuddy(line)
            self.labels.append((label, role, number))
            form.addRow(label, line)
        help_label = QLabel()
        help_label.setWordWrap(True)
        self.helps.append((help_label, name))
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addStretch()
        self.addTab(page, "")

    def retranslate_ui(self) -> None:
        for index, title in enumerate(
            (tr("admin", "Index prices"), tr("admin", "Day tariffs"), tr("admin", "Week tariffs"),
             tr("admin", "Seasons and holidays"))
        ):  # fmt: skip
            self.setTabText(index, title)
        for label, role, number in self.labels:
            label.setText(
                {
                    "price": tr("admin", "T&{index} price per kWh").format(index=number),
                    "day": tr("admin", "Day tariff &{number}").format(number=number),
                    "week": tr("admin", "Week tariff &{number}").format(number=number),
                    "seasons": tr("admin", "&Seasons"),
                    "holidays": tr("admin", "&Holidays"),
                }[role]
            )
        helps = {
            "touPrices": tr(
                "admin", "The price of each tariff index T1 to T4 (all four are needed)."
            ),
            "touDays": tr(
                "admin",
                "Switch times and the index from then on, such as 01:00 T1, 08:00 T3, 18:00 T4, "
                "22:00 T2. Before the first time the last index runs on. An empty day tariff 1 "
                "is T1 all day.",
            ),
            "touWeeks": tr(
                "admin",
                "The day tariff of each day, Monday to Sunday, such as 1 1 1 1 1 2 2. An empty "
                "week tariff 1 uses day tariff 1 every day.",
            ),
            "touDates": tr(
                "admin",
                "Seasons: a week tariff from a date on each year, such as 05-01 W1, 11-01 W2. "
                "Holidays: a day tariff on a date, every year (01-01 D2) or once "
                "(2027-10-01 D2); a holiday wins over the week.",
            ),
        }
        for label, name in self.helps:
            label.setText(helps[name])
        self.days[0].setPlaceholderText("01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2")
        self.weeks[0].setPlaceholderText("1 1 1 1 1 1 1")

    def show_scheme(self, scheme: pricing.TouScheme) -> None:
        """Fill the pages from a saved scheme (a new version starts from the one in force)."""
        for line, value in zip(self.prices, scheme.prices, strict=True):
            line.setText(str(value))
        for day in scheme.day_tariffs:
            self.days[day.number - 1].setText(
                ", ".join(f"{s.start:%H:%M} T{s.tariff_index}" for s in day.switches)
            )
        for week in scheme.week_tariffs:
            self.weeks[week.number - 1].setText(" ".join(str(d) for d in week.days))
        self.seasons.setText(
            ", ".join(f"{s.month:02}-{s.day:02} W{s.week_tariff}" for s in scheme.seasons)
        )
        self.holidays.setText(
            ", ".join(
                (f"{h.year}-" if h.year else "") + f"{h.month:02}-{h.day:02} D{h.day_tariff}"
                for h in scheme.holidays
            )
        )

    def rate(self) -> pricing.TouRate:
        """The scheme typed, checked; raises :class:`InputProblem` for the first bad field."""
        prices = []
        for index, line in enumerate(self.prices, 1):
            if not line.text().strip():
                raise InputProblem(
                    tr(
                        "admin",
                        "T{index} has no price: give the prices of all four indexes T1 to T4.",
                    ).format(index=index),
                    line,
                )
            prices.append(price(line.text(), f"T{index}", line))
        days = tuple(
            self._day(n, line) for n, line in enumerate(self.days, 1) if line.text().strip()
        )
        weeks = tuple(
            self._week(n, line) for n, line in enumerate(self.weeks, 1) if line.text().strip()
        )
        day_numbers = {1} | {day.number for day in days}
        week_numbers = {1} | {week.number for week in weeks}
        for week, line in ((w, self.weeks[w.number - 1]) for w in weeks):
            self._defined(set(week.days), day_numbers, "D", line)
        seasons = tuple(
            pricing.Season(month, day, number)
            for _year, month, day, number in self._dated(self.seasons, "W", yearly=True)
        )
        self._defined({s.week_tariff for s in seasons}, week_numbers, "W", self.seasons)
        holidays = tuple(
            pricing.Holiday(month, day, number, year)
            for year, month, day, number in self._dated(self.holidays, "D", yearly=False)
        )
        self._defined({h.day_tariff for h in holidays}, day_numbers, "D", self.holidays)
        scheme = pricing.TouScheme(
            (prices[0], prices[1], prices[2], prices[3]), days, weeks, seasons, holidays
        )
        return pricing.TouRate(scheme)

    def _day(self, number: int, line: QLineEdit) -> pricing.DayTariff:
        switches = []
        for part in _parts(line.text()):
            found = _SWITCH.fullmatch(part)
            if found is None or int(found[1]) > 23 or int(found[2]) > 59:
                raise InputProblem(
                    tr(
                        "admin",
                        "Day tariff {number}: {text} is not a switch. Write a time HH:MM and an "
                        "index T1 to T4, such as 08:00 T3.",
                    ).format(number=number, text=part),
                    line,
                )
            if int(found[3]) not in pricing.tou.TARIFF_INDEXES:
                raise InputProblem(
                    tr(
                        "admin", "Day tariff {number}: T{index} is not an index; use T1 to T4."
                    ).format(number=number, index=found[3]),
                    line,
                )
            switches.append(pricing.DaySwitch(time(int(found[1]), int(found[2])), int(found[3])))
        if len({switch.start for switch in switches}) != len(switches):
            raise InputProblem(
                tr(
                    "admin", "Day tariff {number} switches twice at the same time; keep one."
                ).format(number=number),
                line,
            )
        return pricing.DayTariff(number, tuple(switches))

    def _week(self, number: int, line: QLineEdit) -> pricing.WeekTariff:
        parts = line.text().replace(",", " ").split()
        if len(parts) != 7 or any(p not in {str(n) for n in PROPOSAL_NUMBERS} for p in parts):
            raise InputProblem(
                tr(
                    "admin",
                    "Week tariff {number}: give seven day tariffs 1 to 8, Monday to Sunday, such "
                    "as 1 1 1 1 1 2 2.",
                ).format(number=number),
                line,
            )
        d = [int(part) for part in parts]
        return pricing.WeekTariff(number, (d[0], d[1], d[2], d[3], d[4], d[5], d[6]))

    def _dated(
        self, line: QLineEdit, letter: str, yearly: bool
    ) -> list[tuple[int | None, int, int, int]]:
        found = []
        for part in _parts(line.text()):
            match = _DATED.fullmatch(part)
            ok = match is not None and match[4].upper() == letter and (not yearly or not match[1])
            if ok and match is not None:
                try:
                    date(int(match[1] or _LEAP_YEAR), int(match[2]), int(match[3]))
                except ValueError:
                    ok = False
            if not ok or match is None:
                example = "05-01 W1" if yearly else "01-01 D2"
                raise InputProblem(
                    tr(
                        "admin", "{text} is not a date and a tariff: write it like {example}."
                    ).format(text=part, example=example),
                    line,
                )
            found.append(
                (int(match[1]) if match[1] else None, int(match[2]), int(match[3]), int(match[5]))
            )
        return found

    @staticmethod
    def _defined(used: set[int], defined: set[int], letter: str, line: QLineEdit) -> None:
        for number in sorted(used - defined):
            what = tr("admin", "day tariff") if letter == "D" else tr("admin", "week tariff")
            raise InputProblem(
                tr("admin", "{letter}{number} names {what} {number}, which is not defined.").format(
                    letter=letter, number=number, what=what
                ),
                line,
            )


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
