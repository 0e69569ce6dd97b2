"""The back office window (Star KMMS, issue 12): a set-up checklist, one generic list screen
per kind of base and common data with its editor, and the system parameters.

- :mod:`.admin_service`: what the window asks of the core, and the core's answer;
- :mod:`.admin_window`: the window (navigation on the left, one page at a time);
- :mod:`.checklist_page`: the set-up checklist, each item opening its screen;
- :mod:`.record_list_page`: the searchable, sortable list of one kind of record;
- :mod:`.record_editor`: the editor of one record, made from the kind's fields;
- :mod:`.system_page`: the system parameters (manual 1.1).
"""
