"""The installer's secure-module manager without a screen (issue 15, STAR manual §4.1 d).

- :mod:`.key_standing`: the key registry with what STS202-6 asks a point of sale to show
  (base date, algorithm, issued-until, expiry) and the warnings ahead of expiry.
- :mod:`.kmf_preview`: what a KMF file will change, its signature checked, before loading.
- :mod:`.credit`: a credit update block checked and previewed (balance before and after),
  then applied; the one path ``starpos sm credit`` and the manager's dialog share.
- :mod:`.overview`: the module at a glance (id, firmware, balance, sequence, link).

The driver is passed in (opened by the composition root or a command); nothing here reads
the settings.
"""
