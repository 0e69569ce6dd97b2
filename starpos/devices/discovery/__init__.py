"""Finding the devices of a new installation: serial ports and the secure module on them,
USB printers, PC/SC card readers (issue 15, the installer's first-run set-up).

Each finder goes through the real library and the real driver (``serial.tools.list_ports``
and :class:`~starpos.devices.sm.driver.SecureModule`, pyusb, pyscard) and turns every
failure into a :mod:`.problems` error worded for the person installing: what is wrong and
the one thing to do about it (``add the user to the dialout group``, ``install and start
pcscd``). Nothing here imports the store or a window; the wizard and ``starpos devices
list`` call :func:`.survey.survey`.
"""
