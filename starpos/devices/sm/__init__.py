"""The USB secure module (SM): frame codec, serial driver, emulator, KMF and credit files.

- :mod:`.frames`, :mod:`.messages` and :mod:`.records`: the wire format, transport-free
  (docs/sm-protocol.md); :mod:`.records` is what the module remembers for the store
  (counters, credit updates, store binding, audit anchors).
- :mod:`.session`: the module credential and the sign-in exchange.
- :mod:`.transport`, :mod:`.exchange` and :mod:`.driver`: :class:`~.driver.SecureModule`
  over pyserial, with bounded retries and recovery.
- :mod:`.emulator`: a module emulator process on a pty or a TCP port.
- :mod:`.kmf` and :mod:`.credit_blocks`: the signed files a module accepts.
- :mod:`.kmc`: a development key management centre (test and demo tooling only).
- :mod:`.embedded`: the emulator the app starts when no module is configured.
"""
