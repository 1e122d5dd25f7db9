"""git: commit and push the docs folder."""
