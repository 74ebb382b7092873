"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "79be82e6bfbe"
