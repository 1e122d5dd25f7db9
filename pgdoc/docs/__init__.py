"""What the files say: entries assigned to files, table headers, the index, diagrams,
schema.json."""
