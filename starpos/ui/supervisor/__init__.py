"""The supervisor's windows at the counter (issue 13): the shift open with its float, cash
movements, the X on screen, the blind count, the supervisor's close and the Z
(docs/shifts.md). They call the core through the counter service's ``shift_*`` methods on
the workers; the Shift menu (:mod:`.shift_menu`) opens them."""
