"""The three sub-squads at a glance: who is free and where, counts, warnings (a strip of cards)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop import labels
from desktop.domain.squad import MemberStatus
from desktop.models.squad_models import BoardState
from desktop.services.squad import MemberRow, SubSquadSummary

GREEN, RED, AMBER, GREY = "#2e7d32", "#c62828", "#ef6c00", "#607d8b"
CARD_STYLE = (
    "QFrame#subSquadCard {{ background: #ffffff; border: 1px solid {border}; border-left: 6px solid {edge};"
    " border-radius: 6px; }} QFrame#subSquadCard:hover {{ background: #f5f9ff; }}"
)


class SubSquadCard(QFrame):
    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subSquadCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sub_squad_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.counts = QLabel()
        self.counts.setObjectName("cardCounts")
        self.free = QLabel()
        self.free.setObjectName("cardFree")
        self.free.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("cardWarning")
        self.warning.setWordWrap(True)
        self.equipment = QLabel()
        self.equipment.setObjectName("cardEquipment")
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 8, 12, 8)
        col.setSpacing(3)
        for w in (self.title, self.counts, self.free, self.warning, self.equipment):
            w.setWordWrap(True)  # three cards and the totals share 1,250 px: wrap rather than widen
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            col.addWidget(w)
        col.addStretch(1)

    def show_summary(self, sq: SubSquadSummary, members: list[MemberRow], min_free: int) -> None:
        self.sub_squad_id = sq.id
        alarm = sq.below_min_free
        self.setStyleSheet(
            CARD_STYLE.format(border="#ef9a9a" if alarm else "#cfd8dc", edge=RED if alarm else GREEN)
        )
        captain = self.tr("captain {name}").format(name=sq.captain) if sq.captain else ""
        self.title.setText(
            f"<span style='font-size:15px; font-weight:700'>{escape(sq.name)}</span>"
            f" <span style='color:{GREY}'>{escape(captain)}</span>"
        )
        free_w, engaged_w, overdue_w = self.tr("free"), self.tr("engaged"), self.tr("overdue check-in")
        parts = [
            f"<span style='font-size:22px; font-weight:700; color:{RED if alarm else GREEN}'>{sq.available}</span>"
            f"<span style='color:{GREY}'> / {sq.total} {escape(free_w)}</span>",
            f"<b style='color:{AMBER}'>{sq.engaged}</b> {escape(engaged_w)}",
        ]
        for n, status in (
            (sq.off_duty, MemberStatus.OFF_DUTY),
            (sq.training, MemberStatus.TRAINING),
            (sq.leave, MemberStatus.LEAVE),
        ):
            if n:
                parts.append(f"{n} {escape(labels.member_status(status))}")
        if sq.stale:
            parts.append(f"<b style='color:{RED}'>◷ {sq.stale} {escape(overdue_w)}</b>")
        self.counts.setText("  ·  ".join(parts))
        free = [m for m in members if m.sub_squad_id == sq.id and m.status == MemberStatus.AVAILABLE]
        where = "、".join(
            f"{escape(m.name)}<span style='color:{GREY}'>({escape(m.place.community or m.home_grid)})</span>"
            for m in free[:6]
        )
        more = self.tr(" and {n} more").format(n=len(free) - 6) if len(free) > 6 else ""
        self.free.setText(
            f"<span style='color:{GREEN}'>●</span> "
            + (where + escape(more) if free else escape(self.tr("nobody free")))
        )
        self.free.setToolTip(
            "\n".join(f"{m.call_sign} {m.name}: {m.place.street} {m.place.community}" for m in free)
        )
        if alarm:
            self.warning.setText(
                f"<b style='color:{RED}'>⚠ "
                + escape(
                    self.tr("Fewer free than the minimum of {n}: dispatching more needs an override")
                ).format(n=min_free)
                + "</b>"
            )
        self.warning.setVisible(alarm)
        kit = "  ".join(
            f"{escape(labels.equipment_kind(k))} {n}" for k, n in sorted(sq.equipment_ready.items())
        )
        ready = self.tr("Ready:")
        self.equipment.setText(f"<span style='color:{GREY}'>{escape(ready)} {kit}</span>")
        self.setToolTip(self.tr("Click to show only this sub-squad on the board"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.sub_squad_id is not None:
            self.clicked.emit(self.sub_squad_id)
        super().mouseReleaseEvent(event)


class SquadStrip(QWidget):
    """One card per sub-squad plus the squad's totals and vehicles."""

    sub_squad_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("squadStrip")
        self.cards: list[SubSquadCard] = []
        self.totals = QLabel()
        self.totals.setObjectName("squadTotals")
        self.totals.setWordWrap(True)
        self.totals.setFixedWidth(150)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(8)
        self._row.addWidget(self.totals)

    def show_state(self, state: BoardState) -> None:
        while len(self.cards) < len(state.sub_squads):
            card = SubSquadCard()
            card.clicked.connect(self.sub_squad_clicked)
            self._row.insertWidget(len(self.cards), card, 1)
            self.cards.append(card)
        members = list(state.members.values())
        members.sort(key=lambda m: m.call_sign)
        for card, sq in zip(self.cards, state.sub_squads, strict=False):
            card.show_summary(sq, members, state.min_free)
        total = len(members)
        free = sum(1 for m in members if m.status == MemberStatus.AVAILABLE)
        engaged = sum(1 for m in members if m.engaged)
        ready_v = sum(1 for v in state.vehicles.values() if v.status == "available")
        title, free_w, engaged_w = self.tr("Rapid-response squad"), self.tr("free"), self.tr("engaged")
        engines = self.tr("Fire engines ready: {n} / {total}").format(n=ready_v, total=len(state.vehicles))
        self.totals.setText(
            f"<div style='font-size:13px; color:{GREY}'>{escape(title)}</div>"
            f"<div style='font-size:22px; font-weight:700; color:{GREEN}'>{free}"
            f"<span style='font-size:13px; color:{GREY}'> / {total} {escape(free_w)}</span></div>"
            f"<div><b style='color:{AMBER}'>{engaged}</b> {escape(engaged_w)}</div>"
            f"<div>{escape(engines)}</div>"
        )
