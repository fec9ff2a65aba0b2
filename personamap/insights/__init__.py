"""Insights on a project (issue 15): its graph, the lint, coverage, the relation map laid out and
affinity groups. Qt-free, like `data/`: the command line and the editor share it."""
