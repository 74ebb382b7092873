"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "274b761fbe5b"
