"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "09fe841cb219"
