"""The output folder: file names, the plan of what changes, atomic writes, the lock."""
