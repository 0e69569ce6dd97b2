"""Device drivers and their emulators: one sub-package per device (see DESIGN.md)."""
