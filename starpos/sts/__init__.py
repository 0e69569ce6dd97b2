"""A pure IEC 62055-41 (STS) token engine: standard library and ``cryptography`` only.

Terms of art used throughout StarPOS:

- PAN: primary account number, the 18-digit meter identity: IIN + IAIN + PAN check digit.
- IIN: issuer identification number, ``600727`` (6 digits) or the short ``0000``.
- IAIN: individual account identification number, manufacturer code + serial + DRN check digit.
- DRN: decoder reference number, the meter number printed on the meter (the IAIN).
- SGC: supply group code (6 digits), the group of meters sharing a vending key.
- TI: tariff index (2 digits).
- KRN: key revision number (1-9).
- KEN: key expiry number (0-255); a key expires after TID minute ``KEN * 65535``.
- KT: key type (0 initialisation, 1 default, 2 unique DES/STA, 3 common).
- TID: token identifier, minutes since the base date (1993, 2014 or 2035), 24 bits.
- DKGA: decoder key generation algorithm (02 for 64-bit DES keys, 04 for HMAC-SHA256).
- EA: encryption algorithm (07 STA, 11 MISTY1).
"""
