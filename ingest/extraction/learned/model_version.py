"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "d2dfeb5bffc4"
