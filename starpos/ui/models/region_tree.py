"""The region tree as a Qt model (manual 1.3): each region under its parent, with its code
and its level's name; and the search that keeps the regions whose code or name contains
the text, with their ancestors so each match is seen where it is."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from starpos.i18n import tr_noop
from starpos.masterdata.regions import RegionRow, RegionTree
from starpos.ui.translator import tr

AnyIndex = QModelIndex | QPersistentModelIndex

#: column titles (context ``admin``)
HEADERS = (tr_noop("admin", "Region"), tr_noop("admin", "Code"), tr_noop("admin", "Level"))
NAME, CODE, LEVEL = range(3)
#: the role that holds a row's region (a :class:`RegionRow`)
RegionRole = Qt.ItemDataRole.UserRole + 1


class RegionTreeModel(QStandardItemModel):
    """The regions of a :class:`RegionTree`, each row name, code, level name."""

    def __init__(self) -> None:
        super().__init__()
        self.tree = RegionTree(levels=0, level_names={}, regions=[])
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([tr("admin", header) for header in HEADERS])

    def set_tree(self, tree: RegionTree) -> None:
        self.show_built(build_rows(tree))

    def show_built(self, built: BuiltTree) -> None:
        """Show rows :func:`build_rows` made (on a worker): one insertion per top region."""
        self.tree = built.tree
        self.removeRows(0, self.rowCount())
        for row in built.rows:
            self.invisibleRootItem().appendRow(row)

    def level_name(self, level: int) -> str:
        return level_name(self.tree, level)

    def index_of(self, code: str) -> QModelIndex:
        """The index of region ``code`` (column 0), invalid when there is none."""
        found = self.match(
            self.index(0, CODE), Qt.ItemDataRole.DisplayRole, code, 1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )  # fmt: skip
        return found[0].siblingAtColumn(NAME) if found else QModelIndex()


@dataclass(frozen=True)
class BuiltTree:
    """A region tree's items, made before any model holds them: the top regions' rows, each
    with the rows under it."""

    tree: RegionTree
    rows: list[list[QStandardItem]]


def build_rows(tree: RegionTree) -> BuiltTree:
    """The items of every region of ``tree``, each under its parent. Items that no model
    holds yet belong to no thread, so a worker builds them and the GUI thread only hangs the
    top rows in its model (decision BO-28; a tree of thousands would freeze the window)."""
    top: list[list[QStandardItem]] = []
    parents: dict[str, QStandardItem] = {}
    for region in tree.regions:  # in tree order: a parent comes before its children
        row = [
            QStandardItem(region.name),
            QStandardItem(region.code),
            QStandardItem(level_name(tree, region.level)),
        ]
        for item in row:
            item.setEditable(False)
            item.setData(region, RegionRole)
        above = parents.get(region.parent) if region.parent else None
        if above is None:
            top.append(row)
        else:
            above.appendRow(row)
        parents[region.code] = row[0]
    return BuiltTree(tree, top)


def level_name(tree: RegionTree, level: int) -> str:
    return tree.level_names.get(level) or tr("admin", "Level {level}").format(level=level)


class RegionSearchFilter(QSortFilterProxyModel):
    """Keeps the regions whose code or name contains the text (letter case ignored), and
    every ancestor of one (Qt's recursive filtering)."""

    def __init__(self) -> None:
        super().__init__()
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        region = self.sourceModel().index(source_row, NAME, source_parent).data(RegionRole)
        if not isinstance(region, RegionRow):
            return False
        return self._needle in region.code.casefold() or self._needle in region.name.casefold()
