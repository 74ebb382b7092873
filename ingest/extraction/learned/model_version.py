"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "24dc94161e12"
