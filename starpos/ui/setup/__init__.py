"""The installer's windows (issue 15): the first-run set-up wizard (:mod:`.setup_wizard`)
and the secure-module manager (:mod:`.module_manager`). They call
:class:`starpos.bootstrap.setup.InstallerSetup` on the worker that owns each device."""
