"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "d88d900582c8"
