"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "378953e4d52f"
