"""The Reports window (manual section 5) and the reprint of any past voucher, for the
counter's menu; the reports themselves are the core's (:mod:`starpos.reports`)."""
