"""How work and events cross to and from the GUI thread: one worker thread per resource
(:mod:`.workers`), the queue that hands results and device events back to the GUI thread
(:mod:`.gui_queue`, :mod:`.card_presence`), only the latest answer counting
(:mod:`.latest_answer`), and the stall monitor the UI benchmarks use (:mod:`.stall_monitor`).
"""
