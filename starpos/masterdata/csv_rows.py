"""Reading a CSV file of master data whole before anything is written (docs/csv-formats.md).

UTF-8 (a byte-order mark is allowed), a header row naming the columns, one record a line.
Every row is checked, and every problem is kept with its line, its column and why, so that
a file with bad rows is refused whole with all of them named (:class:`CsvRefusedError`)
and the administrator fixes them in one go; nothing is written unless every row is good.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from starpos.errors import StarposError, StorageError
from starpos.sts.errors import StsError


class CsvColumnsMissingError(StorageError):
    code = "storage.csv_columns"
    template = (
        "The file {file} has no column {columns}. Its first line must name the columns "
        "(see docs/csv-formats.md)."
    )


class CsvUnreadableError(StorageError):
    code = "storage.csv_unreadable"
    template = "The file {file} cannot be read as UTF-8 CSV: {reason}."


class CsvRefusedError(StorageError):
    code = "storage.csv_refused"
    template = (
        "The file {file} was not imported: {count} row(s) have problems (the first on line "
        "{line}, column {column}). Nothing was written; fix the rows named and import the "
        "whole file again."
    )

    def __init__(self, file: str, problems: Sequence[RowProblem]) -> None:
        first = problems[0]
        super().__init__(
            file=file, count=len({p.line for p in problems}), line=first.line, column=first.column
        )
        self.problems = list(problems)


class DuplicateInFileError(StorageError):
    code = "storage.csv_duplicate"
    template = "{value} is also on line {other}; each may be in the file only once."


class CsvValueError(StorageError):
    code = "storage.csv_value"
    template = "{value} is not allowed here: give {allowed}."


@dataclass(frozen=True)
class RowProblem:
    """Line ``line`` (1 is the header), column ``column``: ``why`` (a translatable error)."""

    line: int
    column: str
    why: StarposError | StsError

    def as_dict(self) -> dict[str, object]:
        from starpos.i18n import render_error

        return {
            "line": self.line,
            "column": self.column,
            "code": self.why.code,
            "why": render_error(self.why),
        }


@dataclass
class CsvRows:
    """The rows of a file as ``(line, {column: text})``, and the problems found so far."""

    name: str
    rows: list[tuple[int, dict[str, str]]]
    problems: list[RowProblem] = field(default_factory=list)

    def problem(self, line: int, column: str, why: StarposError | StsError) -> None:
        self.problems.append(RowProblem(line, column, why))

    def refuse_if_any(self) -> None:
        if self.problems:
            self.problems.sort(key=lambda p: (p.line, p.column))
            raise CsvRefusedError(self.name, self.problems)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.rows)


def read_csv(path: Path, required: Sequence[str], known: Sequence[str]) -> CsvRows:
    """The file's rows; :class:`CsvColumnsMissingError` when a ``required`` column is not in
    the header. Values are stripped; columns not in ``known`` are ignored."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CsvUnreadableError(file=path.name, reason=str(error)) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        header = []
    except csv.Error as error:
        raise CsvUnreadableError(file=path.name, reason=str(error)) from error
    missing = [name for name in required if name not in header]
    if missing:
        raise CsvColumnsMissingError(file=path.name, columns=", ".join(missing))
    wanted = [(index, name) for index, name in enumerate(header) if name in known]
    rows = []
    try:
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            row = {name: (values[i].strip() if i < len(values) else "") for i, name in wanted}
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise CsvUnreadableError(file=path.name, reason=str(error)) from error
    return CsvRows(path.name, rows)


def whole_in(text: str, low: int, high: int) -> int | None:
    """``text`` as a whole number from ``low`` to ``high``; None when it is not one."""
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        return None
    value = int(text)
    return value if low <= value <= high else None
