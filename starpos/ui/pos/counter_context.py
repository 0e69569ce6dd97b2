"""What the parts of the counter window share: the services, the workers, the operator.

No widgets here: each part of the window (the vend, card mode, the device watch, the
vouchers, the menus) is given this, the few widgets it drives, and signals to say what
happened; none of them sees the window itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.counter.views import CounterRules
from starpos.operators.session import OperatorSession
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import AuthService, CardService, CounterService, ReportService
from starpos.ui.threading.workers import Workers


@dataclass(frozen=True)
class CounterContext:
    counter: CounterService
    auth: AuthService
    rules: CounterRules
    session: OperatorSession
    workers: Workers
    funnel: ErrorFunnel
    #: SUN cards at the counter; None when no card reader service is set up
    cards: CardService | None = None
    #: the manual's reports and the reprint look-up; None when the app has none
    reports: ReportService | None = None
