from pgdoc.cli import run

run()
