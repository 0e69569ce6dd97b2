"""The counter's side of the sync with a head office (docs/sync.md).

The counter's audit log is its outbox: every entry is an event, in chain order, and the
head office takes each one once. This package enrols the counter (a key pair, a one-time
code), signs its requests, sends the entries the head office has not acknowledged yet and
keeps how far it got. ``wire`` and ``signing`` are the protocol both sides share.
"""
