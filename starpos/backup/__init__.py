"""Backups of the local SQLite store and restores from them (manual 4.9 and 4.10).

- :mod:`~starpos.backup.make`: one backup (store copied online with SQLite's backup API,
  the module emulator's state, the settings), checked after writing, old ones pruned
- :mod:`~starpos.backup.restore`: a backup checked before anything is replaced, the store
  swapped with the replaced one kept aside
- :mod:`~starpos.backup.after_restore`: the module and the restored store reconciled, what
  the restored store lacks named vend by vend
- :mod:`~starpos.backup.folders`: the dated folders, pruning, when the daily backup is due
- :mod:`~starpos.backup.store_file`, :mod:`~starpos.backup.manifest`,
  :mod:`~starpos.backup.module_state`: the pieces of a backup folder

Which store, which folder and which module come from the composition root
(:mod:`starpos.bootstrap.backup`); a head office on PostgreSQL uses the server's own tools
(docs/store.md, "Backups").
"""
