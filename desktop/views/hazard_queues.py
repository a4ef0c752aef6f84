""""My queues" (我的待办): what waits for the duty room, each with its count; a click shows exactly
those tickets in the table (the service's `queue_query`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop import labels
from desktop.models.hazard_cells import escalation_colour
from desktop.services.hazards import DUE_SOON_DAYS, Queue, QueueCounts
from desktop.views.hazard_filters_bar import swatch

QUEUE_ROLE = Qt.ItemDataRole.UserRole + 1   # (Queue | None, level | None)
ALL = (None, None)


class HazardQueues(QWidget):
    chosen = Signal(object)   # (Queue | None, level | None); (None, None): all tickets

    def __init__(self, has_department: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazardQueues")
        self.has_department = has_department
        self.counts: QueueCounts | None = None
        self.list = QListWidget()
        self.list.setObjectName("queueList")
        self.list.setStyleSheet(
            "QListWidget#queueList { border: none; background: #f4f6f9; font-size: 13px; }"
            "QListWidget#queueList::item { padding: 7px 8px; border-bottom: 1px solid #e3e7ed; }"
            "QListWidget#queueList::item:selected { background: #1f2d3d; color: white; }")
        self.list.itemClicked.connect(self._on_item)
        self.list.currentItemChanged.connect(lambda item, _prev: self._on_item(item))
        title = QLabel(self.tr("My queues"))
        title.setObjectName("queuesTitle")
        title.setStyleSheet("font-weight: bold; font-size: 14px; padding: 6px 8px; background: #e3e7ed;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        self._fill()

    def _items(self) -> list[tuple[tuple, str, int | None, str]]:
        """(key, text, count, tooltip) per line."""
        c = self.counts
        rows: list[tuple[tuple, str, int | None, str]] = [
            (ALL, self.tr("All tickets"), None, self.tr("Every ticket, filtered by the bar above")),
            ((Queue.TO_CLASSIFY, None), self.tr("To classify"), c.to_classify if c else None,
             self.tr("Found, waiting for classification")),
            ((Queue.UNROUTED, None), self.tr("Unrouted (supervision gap)"), c.unrouted if c else None,
             self.tr("No boundary rule names a lead department: route them by hand")),
            ((Queue.MY_DEPARTMENT, None), self.tr("Awaiting my department"), c.my_department if c else None,
             self.tr("Classified or awaiting re-inspection at your department") if self.has_department
             else self.tr("Your account belongs to no department")),
            ((Queue.DUE_SOON, None), self.tr("Due within %n day(s)", "", DUE_SOON_DAYS), c.due_soon if c else None,
             self.tr("Under rectification, deadline close")),
            ((Queue.OVERDUE, None), self.tr("Overdue"), c.overdue if c else None,
             self.tr("Under rectification past the deadline, most overdue first")),
        ]
        for level, n in (c.overdue_by_level if c else ()):
            rows.append(((Queue.OVERDUE, level), "    " + (labels.escalation_level(level) or self.tr("Not escalated")),
                         n, self.tr("Overdue tickets at this escalation level")))
        return rows

    def _fill(self) -> None:
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for key, text, n, tip in self._items():
            shown = text if n is None and key == ALL else f"{text}　{n if n is not None else '…'}"
            if key[0] is Queue.MY_DEPARTMENT and not self.has_department:
                shown = f"{text}　—"
            item = QListWidgetItem(shown)
            item.setData(QUEUE_ROLE, key)
            item.setToolTip(tip)
            if key[1] is not None:
                item.setIcon(swatch(escalation_colour(key[1])))
            if key[0] is Queue.MY_DEPARTMENT and not self.has_department:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            elif key[0] in (Queue.OVERDUE, Queue.UNROUTED) and n:
                item.setForeground(labels.SEVERITY_COLOURS["major"])
            self.list.addItem(item)
            if key == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def set_counts(self, counts: QueueCounts) -> None:
        self.counts = counts
        self._fill()

    def current(self) -> tuple:
        item = self.list.currentItem()
        return item.data(QUEUE_ROLE) if item is not None else ALL

    def count_text(self, queue: Queue, level: int | None = None) -> str:
        for i in range(self.list.count()):
            if self.list.item(i).data(QUEUE_ROLE) == (queue, level):
                return self.list.item(i).text()
        return ""

    def select(self, key: tuple) -> None:
        """Highlight a queue without emitting (the screen already shows it)."""
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            if self.list.item(i).data(QUEUE_ROLE) == key:
                self.list.setCurrentRow(i)
                break
        else:
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)

    def _on_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(item.data(QUEUE_ROLE))
