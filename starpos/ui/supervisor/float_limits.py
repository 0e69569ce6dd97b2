"""The Shift menu's "Float limits…": the limits and their use read on the database worker
(:func:`starpos.shifts.limits.float_standing`) into :class:`FloatLimitDialog`, and a new
limit set there through the core's audited master-data edit (``set_float_limit``). A
refusal (not an amount, no permission, a counter that must not edit master data) goes to
the menu's funnel and changes nothing; the list is read again after every change, and a
limit that was that already is said to be unchanged."""

from __future__ import annotations

from starpos.operators import permissions
from starpos.shifts.limits import FloatStanding
from starpos.ui.supervisor.float_limit_dialog import FloatLimitDialog
from starpos.ui.supervisor.shift_context import ShiftMenuPlumbing


class FloatLimits:
    def __init__(self, menu: ShiftMenuPlumbing) -> None:
        self.menu = menu
        self.dialog: FloatLimitDialog | None = None

    def open(self) -> None:
        menu = self.menu
        counter, session = menu.context.counter, menu.context.session
        dialog = FloatLimitDialog(
            menu.decimals, may_set=session.may(permissions.ADMIN_MASTER_DATA), parent=menu.window
        )
        self.dialog = dialog

        def refresh(_done: object = None) -> None:
            menu._db(counter.shift_float_standing, session, then=dialog.show_rows)

        def set_limit(standing: FloatStanding) -> None:
            try:
                limit = dialog.limit()
            except Exception as error:  # a typed refusal: the funnel says what to fix
                menu.context.funnel.show_failure(error, dialog)
                return

            def done(changed: bool) -> None:
                if changed:
                    refresh()
                else:  # nothing was written: the window says so (SHF-23)
                    dialog.say_unchanged(standing)

            menu._db(counter.shift_set_float_limit, session, standing, limit, then=done)

        dialog.set_chosen.connect(set_limit)
        menu._show(dialog)
        refresh()
