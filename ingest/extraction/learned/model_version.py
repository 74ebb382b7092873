"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "34f3678395bf"
