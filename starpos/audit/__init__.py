"""The append-only, hash-chained audit log of every money-, energy- or key-moving action."""
