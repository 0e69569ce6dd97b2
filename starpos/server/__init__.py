"""The head office's server: an HTTP API for enrolled terminals over the head office's
PostgreSQL store (docs/sync.md).

Stateless: every request is one or two PostgreSQL transactions and keeps nothing in the
process, so several server processes can run behind one load balancer on one database.
"""
