"""Terminal columns stay lined up with Chinese labels (two cells a character)."""

from __future__ import annotations

from starpos.commands._output import cells, label_lines, left, right


def test_wide_characters_take_two_cells_and_combining_marks_none() -> None:
    assert cells("Energy") == 6
    assert cells("电量") == 4
    assert cells("e\u0301nergie") == 7  # é written as e + combining accent
    assert cells("Montant préinstallé") == 19


def test_padding_counts_cells_and_never_cuts() -> None:
    assert left("电量", 6) == "电量  "
    assert right("电量", 6) == "  电量"
    assert left("a long label", 4) == "a long label"


def test_values_line_up_after_mixed_labels() -> None:
    lines = label_lines([("客户", "C1"), ("Net", "445.00"), ("电量 kWh", "12.3")]).splitlines()
    starts = {
        cells(line[: line.index(value)])
        for line, value in zip(lines, ["C1", "445.00", "12.3"], strict=True)
    }
    assert starts == {10}  # the widest label (8 cells) and two spaces
