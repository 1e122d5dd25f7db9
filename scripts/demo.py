"""Placeholder: the demo is being written elsewhere."""

print("demo not ready")
