"""Qt table models: one read-only table of records (:mod:`.record_table`) and its
configurations (this shift's vends, meter data from cards), plus the text search over them."""
