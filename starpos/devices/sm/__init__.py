"""The USB secure module (SM): frame codec, serial driver, emulator, KMF and credit files.

- :mod:`.frames` and :mod:`.messages`: the wire format, transport-free (docs/sm-protocol.md).
- :mod:`.transport` and :mod:`.driver`: :class:`~.driver.SecureModule` over pyserial.
- :mod:`.emulator`: a module emulator process on a pty or a TCP port.
- :mod:`.kmf` and :mod:`.credit_blocks`: the signed files a module accepts.
- :mod:`.kmc`: a development key management centre (test and demo tooling only).
- :mod:`.embedded`: the emulator the app starts when no module is configured.
"""
