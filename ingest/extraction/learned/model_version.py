"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "f9821cfd35ea"
