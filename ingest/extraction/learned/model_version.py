"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "d7cc238a95a9"
