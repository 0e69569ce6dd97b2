"""SUN smart cards: the card's file layout and records (``layout``, ``records``), their
AES-CMAC seals and A/B slots (``sealing``), card operations over any APDU channel
(``sun_card``), the PC/SC driver, its worker thread and the presence monitor (``reader``,
``worker``, ``monitor``), and the
emulators: the virtual card (``virtual_card``, ``vpcd_link``) and the virtual SUN meter
(``virtual_meter``). docs/sun-card.md describes all of it.

Nothing is imported here, so importing the record codec does not load pyscard.
"""
