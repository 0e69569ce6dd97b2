"""Every report by its name, in the manual's order: the command and the window list these."""

from __future__ import annotations

from starpos.reports import (
    abnormal_purchase,
    card_alarms,
    customer_information,
    engineering_tokens,
    login_log,
    meter_keys,
    meter_life,
    meter_status,
    monthly_consumption,
    power_vending,
    token_enquiry,
)
from starpos.reports.shape import Report

REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        meter_status.DETAIL,
        meter_status.SUMMARY,
        meter_life.REPORT,
        power_vending.REPORT,
        abnormal_purchase.REPORT,
        token_enquiry.REPORT,
        customer_information.REPORT,
        engineering_tokens.REPORT,
        login_log.REPORT,
        meter_keys.REPORT,
        card_alarms.REPORT,
        monthly_consumption.REPORT,
    )
}
