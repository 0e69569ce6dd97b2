"""The STAR manual's reports (section 5): one module per report, each a streamed query with
the manual's begin/end rule, typed columns and totals (:mod:`starpos.reports.shape`), listed
in :mod:`starpos.reports.registry`; CSV, JSON and PDF writers and the sales charts' series.
Nothing here imports Qt: the command and the Reports window share it (docs/reports.md)."""
